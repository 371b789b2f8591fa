package ps.takamul.core.catalogue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import ps.takamul.core.yaml.YamlSchema;

/**
 * Reads every {@code *.yaml} file of the catalogue folders and checks it whole: first each file's
 * structure against the catalogue schema ({@code schema/catalogue.schema.json}), then what the
 * schema cannot see: identifiers, duplicates across files, timeouts, contract documents. All
 * problems are reported at once, each naming the file, the line, the entry and what is wrong.
 * A file that fails the schema is not checked further: its entries may not even have the shape
 * the later checks read.
 */
public final class CatalogueLoader {
    private static final YamlSchema SCHEMA = YamlSchema.fromResource("/schema/catalogue.schema.json");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public Catalogue load(Path folder) {
        return load(List.of(folder));
    }

    /**
     * Loads the catalogue files of several folders as one catalogue, for a site that keeps, say,
     * its own members apart from the shared ones.
     */
    public Catalogue load(List<Path> folders) {
        List<Path> files = new ArrayList<>();
        for (Path folder : folders) {
            try (Stream<Path> list = Files.list(folder)) {
                files.addAll(list.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                        .sorted().toList());
            } catch (IOException e) {
                throw new CatalogueException(List.of(folder + ": cannot read the catalogue folder: " + e.getMessage()));
            }
        }
        if (files.isEmpty()) {
            throw new CatalogueException(List.of(folders.stream().map(Path::toString)
                    .collect(Collectors.joining(", ")) + ": no catalogue files (*.yaml)"));
        }
        CatalogueEntries entries = new CatalogueEntries();
        for (Path file : files) {
            read(file, entries);
        }
        return entries.catalogue();
    }

    private void read(Path file, CatalogueEntries entries) {
        YamlSchema.Valid<CatalogueFile> valid = SCHEMA.read(yaml, file, CatalogueFile.class, entries.problems);
        if (valid != null) {
            entries.add(file, valid.lines(), valid.value());
        }
    }
}
