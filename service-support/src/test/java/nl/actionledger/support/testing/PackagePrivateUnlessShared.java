package nl.actionledger.support.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A service's class is public only if a class of another package uses it: what a package keeps to itself, the
 * compiler keeps other packages from depending on. Checked over a service's main and test classes together (a test
 * in another package counts as a use), for its main classes only. Two kinds of public class are left alone: the
 * application class, by which other modules (the local run, the benchmark, the fault suite) start the service; and a
 * class that holds only constants, whose users the compiler gives copies of its values, so that their bytecode, which
 * the rule reads, no longer names it.
 */
public final class PackagePrivateUnlessShared {

    private PackagePrivateUnlessShared() {}

    /** The classes of {@code src/main}, not of {@code src/test}. */
    public static final DescribedPredicate<JavaClass> MAIN_CLASSES = DescribedPredicate.describe(
            "main classes",
            type -> type.getSource()
                    .map(source -> !source.getUri().toString().contains("/test-classes/"))
                    .orElse(true));

    private static final DescribedPredicate<JavaClass> HOLDING_ONLY_CONSTANTS = DescribedPredicate.describe(
            "holding only constants",
            type -> type.getMethods().isEmpty()
                    && type.getFields().stream()
                            .allMatch(field ->
                                    field.getModifiers().containsAll(Set.of(JavaModifier.STATIC, JavaModifier.FINAL)))
                    && type.getConstructors().stream()
                            .allMatch(constructor -> constructor.getModifiers().contains(JavaModifier.PRIVATE)));

    /** The rule for those of the imported classes that {@code checked} selects. */
    public static ArchRule rule(DescribedPredicate<JavaClass> checked) {
        return classes()
                .that()
                .arePublic()
                .and()
                .areTopLevelClasses()
                .and()
                .areNotAnnotatedWith(SpringBootApplication.class)
                .and(DescribedPredicate.not(HOLDING_ONLY_CONSTANTS))
                .and(checked)
                .should(beUsedFromAnotherPackage());
    }

    private static ArchCondition<JavaClass> beUsedFromAnotherPackage() {
        return new ArchCondition<>("be used from another package (else package-private)") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                boolean usedElsewhere = type.getDirectDependenciesToSelf().stream()
                        .anyMatch(dependency ->
                                !dependency.getOriginClass().getPackageName().equals(type.getPackageName()));
                if (!usedElsewhere) {
                    events.add(SimpleConditionEvent.violated(
                            type, type.getName() + " is public but used only in its own package"));
                }
            }
        };
    }
}
