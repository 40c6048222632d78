package nl.actionledger.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import nl.actionledger.support.web.StringValueBinding.TextAsIs;
import org.junit.jupiter.api.Test;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.format.support.DefaultFormattingConversionService;

class StringValueBindingTest {

    private static final TypeDescriptor TEXT = TypeDescriptor.valueOf(String.class);

    @Test
    void textToTextIsTheTextItselfWithoutAskingTheConversionService() {
        TextAsIs binding = new TextAsIs(new RefusingConversions());
        String value = new String("eu-wap-nl");

        assertThat(binding.canConvert(TEXT, TEXT)).isTrue();
        assertThat(binding.convert(value, TEXT, TEXT)).isSameAs(value);
    }

    @Test
    void everyOtherConversionIsTheConversionServices() {
        TextAsIs binding = new TextAsIs(new DefaultFormattingConversionService());

        assertThat(binding.canConvert(TEXT, TypeDescriptor.valueOf(int.class))).isTrue();
        assertThat(binding.convert("42", TEXT, TypeDescriptor.valueOf(Integer.class)))
                .isEqualTo(42);
        assertThat(binding.convert("2026-12-06", TEXT, TypeDescriptor.valueOf(LocalDate.class)))
                .isEqualTo(LocalDate.of(2026, 12, 6));
        assertThat(binding.convert(7, TypeDescriptor.valueOf(Integer.class), TEXT))
                .isEqualTo("7");
    }

    /** Fails every question: text to text must not reach it. */
    private static final class RefusingConversions implements ConversionService {

        @Override
        public boolean canConvert(Class<?> sourceType, Class<?> targetType) {
            throw new AssertionError("asked");
        }

        @Override
        public boolean canConvert(TypeDescriptor sourceType, TypeDescriptor targetType) {
            throw new AssertionError("asked");
        }

        @Override
        public <T> T convert(Object source, Class<T> targetType) {
            throw new AssertionError("asked");
        }

        @Override
        public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
            throw new AssertionError("asked");
        }
    }
}
