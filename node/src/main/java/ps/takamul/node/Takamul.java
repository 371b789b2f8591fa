package ps.takamul.node;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import ps.takamul.core.catalogue.CatalogueException;
import ps.takamul.examples.civilregistry.CivilRegistryServer;
import ps.takamul.examples.civilregistry.Population;
import ps.takamul.examples.civilregistry.PopulationGenerator;
import ps.takamul.examples.payments.BillingReceiver;
import ps.takamul.audit.cli.AuditVerifyCommand;
import ps.takamul.node.audit.auditors.AuditUserCommand;
import ps.takamul.node.config.NodeSettings;
import ps.takamul.node.reload.CatalogueCommand;
import ps.takamul.node.tls.DevPki;

/**
 * The {@code takamul} command.
 * <pre>
 *   java -jar takamul-node.jar [run|demo] [--secure] [--config FILE] [--set key=value ...]
 *   java -jar takamul-node.jar catalogue check [--catalogue DIR] [--agreements DIR] [--config FILE]
 *   java -jar takamul-node.jar audit verify BUNDLE... [--trust PEM]
 *   java -jar takamul-node.jar audit user add|remove|list ...
 * </pre>
 * {@code run} starts a node from {@code config/takamul.properties}; {@code demo} first starts the
 * example providers, then the node, and prints what to try. {@code demo --secure} runs the secure
 * profile (mutual TLS) on a dev PKI made at its first start under the data folder.
 */
public final class Takamul {
    private Takamul() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("catalogue")) {
            System.exit(CatalogueCommand.commandLine().execute(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 1 && args[0].equals("audit") && args[1].equals("verify")) {
            System.exit(AuditVerifyCommand.commandLine().execute(Arrays.copyOfRange(args, 2, args.length)));
        }
        if (args.length > 1 && args[0].equals("audit") && args[1].equals("user")) {
            System.exit(AuditUserCommand.commandLine().execute(Arrays.copyOfRange(args, 2, args.length)));
        }
        String command = "run";
        Path config = Path.of("config/takamul.properties");
        Map<String, String> overrides = new HashMap<>();
        boolean secure = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "run", "demo" -> command = args[i];
                case "--secure" -> secure = true;
                case "--config" -> config = Path.of(args[++i]);
                case "--set" -> {
                    String[] kv = args[++i].split("=", 2);
                    overrides.put(kv[0], kv.length > 1 ? kv[1] : "");
                }
                case "-h", "--help" -> {
                    System.out.println("usage: takamul [run|demo] [--secure] [--config FILE] [--set key=value ...]");
                    System.out.println("       takamul catalogue check [--catalogue DIR] [--agreements DIR] [--config FILE]");
                    System.out.println("       takamul audit verify BUNDLE... [--trust PEM]");
                    System.out.println("       takamul audit user add|remove|list ...");
                    return;
                }
                default -> {
                    System.err.println("unknown argument: " + args[i] + " (try --help)");
                    System.exit(2);
                }
            }
        }
        NodeSettings settings = NodeSettings.load(config, overrides);
        DevPki devPki = null;
        if (secure) {
            devPki = DevPki.ensure(settings.getPath("takamul.data.dir"));
            Map<String, String> withTls = new HashMap<>(devPki.nodeSettings());
            withTls.putAll(overrides);
            settings = NodeSettings.load(config, withTls);
        } else if (command.equals("demo") && settings.get("takamul.tsa.keystore").isEmpty()) {
            // The plain demo time-stamps its audit checkpoints with the dev PKI's TSA.
            devPki = DevPki.ensure(settings.getPath("takamul.data.dir"));
            Map<String, String> withTsa = new HashMap<>(devPki.timestampSettings());
            withTsa.putAll(overrides);
            settings = NodeSettings.load(config, withTsa);
        }
        CivilRegistryServer registry = null;
        BillingReceiver billing = null;
        Population population = null;
        if (command.equals("demo")) {
            population = PopulationGenerator.generate();
            URI url = URI.create(settings.get("civil-registry.url"));
            registry = CivilRegistryServer.start(url.getHost(), url.getPort(), population);
            URI billingUrl = URI.create(settings.get("billing.url"));
            billing = BillingReceiver.start(billingUrl.getHost(), billingUrl.getPort());
        }
        TakamulNode node;
        try {
            node = TakamulNode.start(settings);
        } catch (Exception e) {
            // A configuration error is the operator's to fix: say what, not where in our code.
            System.err.println(e instanceof CatalogueException ? e.getMessage() : "Takamul failed to start: " + e);
            if (!(e instanceof CatalogueException)) {
                e.printStackTrace();
            }
            if (registry != null) {
                registry.stop();
                billing.stop();
            }
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        CivilRegistryServer started = registry;
        BillingReceiver startedBilling = billing;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (Exception ignored) {
                // shutting down anyway
            }
            if (started != null) {
                started.stop();
                startedBilling.stop();
            }
            stopped.countDown();
        }, "takamul-shutdown"));
        if (population != null) {
            printDemo(node, registry, billing, population);
            if (secure) {
                printSecureDemo(node, devPki, population.sampleIds(1).get(0));
            }
        }
        stopped.await();
    }

    private static void printSecureDemo(TakamulNode node, DevPki pki, String nationalId) {
        System.out.printf("""
                 Secure profile: REST and SOAP over mutual TLS, with a dev PKI made at first start
                 (%2$s). The plain listener now refuses every call. The same query over TLS, with
                 the Ministry of Health's client certificate:
                   curl -s -i --cacert %3$s --cert-type P12 \\
                        --cert %4$s:%5$s \\
                        -H 'X-Road-Client: PS/GOV/MOH/health-records' -H 'Takamul-Purpose: health-insurance' \\
                        %1$s/PS/GOV/MOI/civil-registry/person-by-id/v1/%6$s
                 SOAP needs the Ministry of Labour's certificate the same way:
                   curl -s --cacert %3$s --cert-type P12 --cert %8$s:%5$s \\
                        -H 'Content-Type: text/xml; charset=UTF-8' \\
                        --data-binary @examples/requests/person-by-id-mol.xml %9$s
                 Messages are signed: the hub signs for the demo's client systems (they cannot), and
                 the answer carries the Interior's signature (Signature-Input, Signature,
                 Takamul-Signer-Certificate). OCSP for other nodes: %7$s/ocsp (docs/security.md).
                ============================================================
                """, node.tlsBaseUrl(), pki.rootCertificate().getParent().getParent(), pki.rootCertificate(),
                pki.clientKeystore("PS/GOV/MOH/health-records"), pki.password(), nationalId,
                node.restBaseUrl().replace("/r1", ""), pki.clientKeystore("PS/GOV/MOL/labour-registry"), node.soapAddress());
    }

    private static void printDemo(TakamulNode node, CivilRegistryServer registry, BillingReceiver billing,
                                  Population population) {
        List<String> ids = population.sampleIds(3);
        String rest = node.restBaseUrl();
        System.out.printf("""

                ============================================================
                 Takamul demo node is up.
                   REST (X-Road r1):   %1$s
                   SOAP (X-Road 4.0):  %2$s
                   Civil registry (the legacy SOAP provider): %3$s
                   %4$d synthetic persons, e.g. national IDs %5$s

                 Ministry of Health asks the civil registry over REST, stating its purpose; its
                 data-sharing agreement (config/agreements) lets it see only some of the fields:
                   curl -s -H 'X-Road-Client: PS/GOV/MOH/health-records' -H 'Takamul-Purpose: health-insurance' \\
                        %1$s/PS/GOV/MOI/civil-registry/person-by-id/v1/%6$s

                   curl -s -H 'X-Road-Client: PS/GOV/MOH/health-records' -H 'Takamul-Purpose: health-insurance' \\
                        %1$s/PS/GOV/MOI/civil-registry/family-extract/v1/%6$s

                 Ministry of Labour asks over SOAP: see examples/requests/person-by-id-mol.xml
                   curl -s -H 'Content-Type: text/xml; charset=UTF-8' \\
                        --data-binary @examples/requests/person-by-id-mol.xml %2$s

                 The bill-payment system notifies the Interior of a payment (202, then delivered):
                   curl -s -H 'X-Road-Client: PS/GOV/MOF/e-payments' -H 'Content-Type: application/json' \\
                        --data-binary @examples/requests/payment-notification.json \\
                        %1$s/PS/GOV/MOI/bills/payment-notification/v1
                   curl -s %7$s/payments      (what the Interior's billing system booked)

                 Every exchange above is in the tamper-evident audit log. Auditors search it in Arabic
                 (English: ?lang=en) as user 'auditor', password in %8$s:
                   %9$s/audit
                   curl -s -u "auditor:$(cat %8$s)" '%9$s/audit/api/data-subjects/%6$s/report'
                 Export it and verify it offline, trusting nothing the node says:
                   curl -s -u "auditor:$(cat %8$s)" -o audit.zip '%9$s/audit/api/export'
                   java -jar node/target/takamul-node.jar audit verify audit.zip

                 Stop with Ctrl-C. More in README.md and docs/.
                ============================================================
                """, rest, node.soapAddress(), registry.address(), population.size(), ids, ids.get(0), billing.address(),
                node.audit().defaultPasswordFile(), rest.replace("/r1", ""));
    }
}
