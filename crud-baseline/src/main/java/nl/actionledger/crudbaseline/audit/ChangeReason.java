package nl.actionledger.crudbaseline.audit;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The reason of the change the current request makes, handed to Envers's revision listener. Envers creates the
 * revision when the transaction commits, after the code that knew the reason has returned, so the reason waits in
 * the request's attributes: bound to the request's thread by Spring MVC and gone with the request.
 */
public final class ChangeReason {

    private static final String ATTRIBUTE = ChangeReason.class.getName();

    private ChangeReason() {}

    /** Records the reason for the revision of this request's transaction. */
    public static void record(String reason) {
        RequestContextHolder.currentRequestAttributes()
                .setAttribute(ATTRIBUTE, reason, RequestAttributes.SCOPE_REQUEST);
    }

    /** @return the recorded reason, or {@code null} outside a request or when none was recorded */
    static String current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request == null ? null : (String) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    }
}
