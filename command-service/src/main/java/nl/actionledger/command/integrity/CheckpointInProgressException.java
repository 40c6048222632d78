package nl.actionledger.command.integrity;

/** A checkpoint is being recorded on this instance: ask again in a moment (its result is then the last checkpoint). */
public final class CheckpointInProgressException extends RuntimeException {

    CheckpointInProgressException() {
        super("A checkpoint of the hash chains is being recorded at the moment; try again in a few seconds.");
    }
}
