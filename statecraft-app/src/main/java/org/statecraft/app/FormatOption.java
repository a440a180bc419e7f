package org.statecraft.app;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.statecraft.core.UsageException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --format} option of every command that prints in more than one form: one picocli {@code @Mixin} with one
 * enum, read without regard to case. A command without a CSV form takes its format through {@link #of}, which
 * refuses the others with a usage error (exit 2) naming the forms the command has.
 */
public final class FormatOption {
    /** The forms a command prints in: a table for people, JSON and CSV for programs. */
    public enum Format { table, json, csv }

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", converter = FormatConverter.class,
            description = "Output: table, json or csv, as the command offers (default: ${DEFAULT-VALUE}).")
    Format format;

    /** The chosen form, for a command that has all three. */
    Format get() {
        return format;
    }

    /** The chosen form if it is one of {@code forms}; otherwise a usage error that names them. */
    Format of(Format... forms) {
        if (Arrays.asList(forms).contains(format)) {
            return format;
        }
        throw new UsageException(mixee.qualifiedName() + " has no " + format + " output: --format takes "
                + Arrays.stream(forms).map(Format::name).collect(Collectors.joining(" or ")));
    }

    /** table, json or csv in any case; anything else names the three. */
    static final class FormatConverter implements ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.valueOf(value.toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not table, json or csv");
            }
        }
    }
}
