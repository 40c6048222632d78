package nl.actionledger.query.webapp;

import nl.actionledger.query.admin.ProjectionAdminController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * For admins only (WebAppSecurity): how far each projection has come, and a button per projection, and one for all,
 * that starts a replay: the same as {@code GET /api/admin/projections} and {@code POST .../replay}. The POST carries
 * the form's CSRF token and answers with a redirect back to the page (post, redirect, get), which says what was started.
 */
@Controller
class ProjectionsPage {

    private final ProjectionAdminController projections;

    ProjectionsPage(ProjectionAdminController projections) {
        this.projections = projections;
    }

    @GetMapping("/admin/projections")
    String projections(Model model) {
        model.addAttribute("projections", projections.all());
        return "projections";
    }

    /** @param name the projection to replay; absent: all of them */
    @PostMapping("/admin/projections/replay")
    String replay(@RequestParam(required = false) String name, RedirectAttributes redirect) {
        if (name == null || name.isBlank()) {
            projections.replayAll();
        } else {
            projections.replay(name);
        }
        redirect.addFlashAttribute("replayStarted", name == null || name.isBlank() ? "*" : name);
        return "redirect:/admin/projections";
    }
}
