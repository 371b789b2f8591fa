package ps.takamul.node.reload;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.camel.impl.DefaultCamelContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import ps.takamul.connector.Connectors;
import ps.takamul.core.catalogue.Catalogue;
import ps.takamul.core.catalogue.CatalogueException;
import ps.takamul.node.ConnectorBinding;
import ps.takamul.node.config.CatalogueSource;
import ps.takamul.node.config.NodeSettings;

/**
 * {@code takamul catalogue check}: reads a catalogue and its agreements as a node would, and
 * checks every connector's settings, without starting a node. Operators run it on a changed copy
 * before a running node picks the change up.
 */
@Command(name = "catalogue", mixinStandardHelpOptions = true, description = "Works with the service catalogue.",
        subcommands = CatalogueCommand.Check.class)
public final class CatalogueCommand {

    public static CommandLine commandLine() {
        return new CommandLine(new CatalogueCommand());
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Loads and checks the catalogue and agreements; prints every problem (exit 1) or a summary (exit 0).")
    static final class Check implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = "--catalogue", paramLabel = "DIR", split = ",",
                description = "catalogue folders (default: takamul.catalogue.dir of the settings)")
        List<Path> catalogue;

        @Option(names = "--agreements", paramLabel = "DIR", split = ",",
                description = "agreement folders (default: takamul.agreements.dir of the settings)")
        List<Path> agreements;

        @Option(names = "--config", paramLabel = "FILE", defaultValue = "config/takamul.properties",
                description = "the node's settings, for the folders and the connectors' {{placeholders}} (default: ${DEFAULT-VALUE})")
        Path config;

        @Override
        public Integer call() {
            NodeSettings settings = NodeSettings.load(config, Map.of());
            CatalogueSource source = new CatalogueSource(
                    catalogue != null ? catalogue : settings.getPaths("takamul.catalogue.dir"),
                    agreements != null ? agreements : settings.getPaths("takamul.agreements.dir"));
            List<String> problems = new ArrayList<>();
            Catalogue loaded = null;
            try {
                loaded = source.load();
                problems.addAll(connectorProblems(settings, loaded));
            } catch (CatalogueException e) {
                problems.addAll(e.problems());
            }
            PrintWriter out = spec.commandLine().getOut();
            if (!problems.isEmpty()) {
                PrintWriter err = spec.commandLine().getErr();
                err.printf("%d problem(s) in %s and %s:%n", problems.size(), source.catalogueFolders(), source.agreementFolders());
                problems.forEach(p -> err.println("  - " + p));
                err.flush();
                return 1;
            }
            out.printf("OK: %d members, %d services, %d agreements in %s and %s%n", loaded.members().size(),
                    loaded.services().size(), loaded.agreements().all().size(), source.catalogueFolders(),
                    source.agreementFolders());
            out.printf("digest %s%n", CatalogueFiles.combined(CatalogueFiles.digests(CatalogueFiles.folders(source))));
            out.flush();
            return 0;
        }

        /** Connector types and settings, placeholders resolved from the settings as the node would. */
        private static List<String> connectorProblems(NodeSettings settings, Catalogue loaded) {
            // Only resolves placeholders: never started, so nothing to stop (and no shutdown lines in the output).
            DefaultCamelContext camel = new DefaultCamelContext();
            camel.getPropertiesComponent().setInitialProperties(settings.asProperties());
            return ConnectorBinding.check(camel, List.copyOf(loaded.services()), Connectors.discover());
        }
    }
}
