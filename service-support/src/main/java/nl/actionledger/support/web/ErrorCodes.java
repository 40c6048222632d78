package nl.actionledger.support.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.http.HttpStatus;

/**
 * The problems an endpoint can answer besides those every endpoint of its shape can (which
 * {@link SharedProblems} knows): one annotation per status, on the handler method or on its controller for all of
 * the controller's endpoints. The API description lists them as the {@code errorCode} values of that status; the
 * services' tests check that every problem they meet is listed for its endpoint.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Repeatable(ErrorCodes.List.class)
public @interface ErrorCodes {

    HttpStatus status();

    /** The {@code errorCode} values. */
    String[] value();

    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @interface List {

        ErrorCodes[] value();
    }
}
