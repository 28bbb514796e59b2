package pl.okienko.dashboard.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void signsTimestampDotBodyWithHmacSha256() {
        // computed independently: python3 hmac.new(b"s3cret", b'1700000000.{"a":1}', hashlib.sha256).hexdigest()
        assertThat(WebhookSignature.sign("s3cret", "1700000000", "{\"a\":1}"))
                .isEqualTo("sha256=1698a50bc74d1ff1db85c4e0a5297c2ad9fdba245d5737cdb789e4cc6e098940");
    }

    @Test
    void aChangedBodyOrTimestampDoesNotVerify() {
        String signature = WebhookSignature.sign("s3cret", "1700000000", "{\"a\":1}");
        assertThat(WebhookSignature.verify("s3cret", "1700000000", "{\"a\":1}", signature)).isTrue();
        assertThat(WebhookSignature.verify("s3cret", "1700000001", "{\"a\":1}", signature)).isFalse();
        assertThat(WebhookSignature.verify("s3cret", "1700000000", "{\"a\":2}", signature)).isFalse();
        assertThat(WebhookSignature.verify("s3cret", "1700000000", "{\"a\":1}", null)).isFalse();
    }
}
