package pl.okienko.dashboard.platform.security;

import org.springframework.web.bind.annotation.GetMapping;

import pl.okienko.dashboard.platform.web.PageController;

/** The sign-in page of people; the template {@code login} belongs to the pages. */
@PageController
public class LoginController {

    @GetMapping("/login")
    public String login() {
        return "login";
    }
}
