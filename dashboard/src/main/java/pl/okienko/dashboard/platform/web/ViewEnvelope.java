package pl.okienko.dashboard.platform.web;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import pl.okienko.dashboard.platform.kafka.QueryTrace;

/**
 * The envelope of every API answer read from the stores, in its headers: which instances answered
 * ({@value #ANSWERED_BY}, {@code host:port}, or {@code local} when the instance runs alone), whether a
 * standby copy answered for a partition whose active copy could not ({@value #COPY}: {@code active} or
 * {@code standby}) and then how many changelog records it was behind ({@value #LAG}).
 */
@RestControllerAdvice(annotations = RestController.class)
public class ViewEnvelope implements ResponseBodyAdvice<Object>, HandlerInterceptor {

    public static final String ANSWERED_BY = "X-Okienko-Answered-By";
    public static final String COPY = "X-Okienko-Copy";
    public static final String LAG = "X-Okienko-Lag";

    private final QueryTrace trace;

    public ViewEnvelope(QueryTrace trace) {
        this.trace = trace;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        trace.open();
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
        trace.close();
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
        List<QueryTrace.Read> reads = trace.reads();
        if (!reads.isEmpty()) {
            HttpHeaders headers = response.getHeaders();
            headers.set(ANSWERED_BY, reads.stream().map(read -> read.copy().instance()).distinct().sorted()
                    .collect(Collectors.joining(", ")));
            boolean standby = reads.stream().anyMatch(read -> !read.copy().active());
            headers.set(COPY, standby ? "standby" : "active");
            if (standby) {
                headers.set(LAG, String.valueOf(reads.stream().mapToLong(read -> read.copy().lag()).max().orElse(0)));
            }
        }
        return body;
    }
}
