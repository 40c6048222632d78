package nl.actionledger.crudbaseline.audit;

import org.hibernate.envers.RevisionListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Fills each revision with the authenticated user and the recorded reason. Envers creates the listener itself and
 * calls it on the committing thread, which is the request's: Spring Security's context and the request's
 * attributes are there. A revision without a user or a reason is refused by the database (NOT NULL).
 */
public class ChangeRevisionListener implements RevisionListener {

    @Override
    public void newRevision(Object revisionEntity) {
        ChangeRevision revision = (ChangeRevision) revisionEntity;
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        revision.setActor(user == null ? null : user.getName());
        revision.setReason(ChangeReason.current());
    }
}
