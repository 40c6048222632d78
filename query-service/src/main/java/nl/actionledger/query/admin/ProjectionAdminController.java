package nl.actionledger.query.admin;

import java.net.URI;
import java.util.List;
import nl.actionledger.support.web.ErrorCodes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** For operators: the projections' progress, and replaying one or all of them. Public for the web app's admin page. */
@RestController
@RequestMapping(path = "/api/admin/projections", produces = MediaType.APPLICATION_JSON_VALUE)
public class ProjectionAdminController {

    private final Projections projections;

    ProjectionAdminController(Projections projections) {
        this.projections = projections;
    }

    @GetMapping
    public List<ProjectionStatus> all() {
        return projections.all();
    }

    @GetMapping("/{name}")
    @ErrorCodes(status = HttpStatus.NOT_FOUND, value = "PROJECTION_NOT_FOUND")
    ProjectionStatus one(@PathVariable String name) {
        return projections.status(name);
    }

    /** 202: every projection was cleared and they rebuild in one pass in the background; follow them at the Location. */
    @PostMapping("/replay")
    @ResponseStatus(HttpStatus.ACCEPTED) // what the ResponseEntity answers too; for the API description
    @ErrorCodes(status = HttpStatus.CONFLICT, value = "REPLAY_REFUSED")
    public ResponseEntity<List<ProjectionStatus>> replayAll() {
        List<ProjectionStatus> statuses = projections.replayAll();
        return ResponseEntity.accepted()
                .location(URI.create("/api/admin/projections"))
                .body(statuses);
    }

    /** 202: the projection was cleared and rebuilds in the background; follow it at the Location. */
    @PostMapping("/{name}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @ErrorCodes(status = HttpStatus.NOT_FOUND, value = "PROJECTION_NOT_FOUND")
    @ErrorCodes(status = HttpStatus.CONFLICT, value = "REPLAY_REFUSED")
    public ResponseEntity<ProjectionStatus> replay(@PathVariable String name) {
        ProjectionStatus status = projections.replay(name);
        return ResponseEntity.accepted()
                .location(URI.create("/api/admin/projections/" + name))
                .body(status);
    }
}
