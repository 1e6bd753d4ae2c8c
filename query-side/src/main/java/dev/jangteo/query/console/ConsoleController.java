package dev.jangteo.query.console;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The console's pages are static files ({@code static/console/}) that call this app's API with the signed-in user's
 * bearer token; this serves their entry page and tells them how to sign in.
 */
@Hidden
@Controller
class ConsoleController {

    private final ConsoleProperties properties;

    ConsoleController(ConsoleProperties properties) {
        this.properties = properties;
    }

    @GetMapping(ConsoleSecurity.ROOT)
    String root() {
        return "redirect:" + ConsoleSecurity.ROOT + "/";
    }

    @GetMapping(ConsoleSecurity.ROOT + "/")
    String page() {
        return "forward:" + ConsoleSecurity.ROOT + "/index.html";
    }

    /** Where to sign in: the provider and client of the code flow, and whether the dev sign-in exists. */
    @GetMapping(ConsoleSecurity.ROOT + "/config.json")
    @ResponseBody
    ResponseEntity<Map<String, Object>> config() {
        Map<String, Object> config = new LinkedHashMap<>();
        ConsoleProperties.Oidc oidc = properties.oidc();
        config.put("issuer", oidc.issuer() == null ? null : oidc.issuer().toString());
        config.put("clientId", oidc.clientId());
        config.put("scope", oidc.scope());
        config.put("devSignIn", properties.devSignIn());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(config);
    }
}
