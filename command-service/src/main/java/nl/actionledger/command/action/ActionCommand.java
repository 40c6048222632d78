package nl.actionledger.command.action;

import nl.actionledger.events.ActionRef;

/** A command to an action that exists: the three changes a coordinator makes. */
sealed interface ActionCommand permits ChangeActionStatusCommand, ReassignActionCommand, ReviseActionTimeframeCommand {

    /** The action the command is for, which Axon loads to handle it. */
    ActionRef action();
}
