package jp.iinj.portal.landing;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code GET /}: what the platform is, for members, coordinators and regional bodies; signed in, the person's pages. */
@Controller
class LandingController {

    @GetMapping("/")
    String landing(@RequestParam(name = "sign-in-failed", required = false) String signInFailed, Model model) {
        model.addAttribute("signInFailed", signInFailed != null);
        return "landing";
    }
}
