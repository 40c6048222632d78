package nl.actionledger.command.integrity;

import nl.actionledger.support.web.ErrorCodes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets an operator record a checkpoint of the hash chains now, for instance right before an audit. */
@RestController
class CheckpointController {

    private final ChainCheckpoints checkpoints;

    CheckpointController(ChainCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @PostMapping(path = "/api/admin/checkpoints", produces = MediaType.APPLICATION_JSON_VALUE)
    @ErrorCodes(
            status = HttpStatus.TOO_MANY_REQUESTS,
            value = {"TOO_BUSY", "RATE_LIMITED"})
    ChainCheckpoints.Checkpoint record() {
        return checkpoints.record();
    }
}
