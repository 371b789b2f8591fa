package ps.takamul.examples.civilregistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.concurrent.CountDownLatch;

import javax.xml.namespace.QName;

import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngineFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes the legacy civil registry over SOAP 1.1 on CXF's embedded Jetty. */
public final class CivilRegistryServer implements AutoCloseable {

    public static final String PATH = "/civil-registry";
    public static final int DEFAULT_PORT = 8091;

    private static final Logger LOG = LoggerFactory.getLogger(CivilRegistryServer.class);

    private final Server server;
    private final LegacyCivilRegistry registry;
    private final int port;
    private final String address;

    private CivilRegistryServer(Server server, LegacyCivilRegistry registry, int port, String address) {
        this.server = server;
        this.registry = registry;
        this.port = port;
        this.address = address;
    }

    /**
     * Starts listening at {@code http://host:port/civil-registry}. CXF's Jetty cannot bind port 0, so callers pick a
     * port, for instance with {@link #freePort()}.
     */
    public static CivilRegistryServer start(String host, int port, Population population) {
        String address = "http://" + host + ":" + port + PATH;
        LegacyCivilRegistry registry = new LegacyCivilRegistry(population);
        JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
        factory.setServiceClass(CivilRegistry.class);
        factory.setServiceBean(registry);
        factory.setServiceName(new QName(CivilRegistry.NAMESPACE, "CivilRegistryService"));
        factory.setEndpointName(new QName(CivilRegistry.NAMESPACE, "CivilRegistryPort"));
        factory.setAddress(address);
        Server server = factory.create();
        LOG.info("Civil registry with {} persons listening at {}", population.size(), address);
        return new CivilRegistryServer(server, registry, port, address);
    }

    /** A port that was free a moment ago, for callers that need to pick one before starting the server. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    public String address() {
        return address;
    }

    /** Makes every following call wait this long before answering; 0 answers at once. */
    public void setDelayMillis(long delayMillis) {
        registry.setDelayMillis(delayMillis);
    }

    /** Closes the endpoint and its Jetty engine; the port can be bound again afterwards. */
    public void stop() {
        registry.close();
        server.destroy();
        // CXF keeps one Jetty engine per port in a JVM-wide map and leaves it listening after the last endpoint
        // is gone; this server is the only one on its port, so it takes the engine down with it.
        JettyHTTPServerEngineFactory.destroyForPort(port);
        LOG.info("Civil registry at {} stopped", address);
    }

    @Override
    public void close() {
        stop();
    }

    /** Runs the registry standalone: {@code --port N} (default 8091), {@code --seed N}, {@code --persons N}. */
    public static void main(String[] args) throws InterruptedException {
        int port = DEFAULT_PORT;
        long seed = PopulationGenerator.DEFAULT_SEED;
        int persons = PopulationGenerator.DEFAULT_SIZE;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(required(args[i], value));
                case "--seed" -> seed = Long.parseLong(required(args[i], value));
                case "--persons" -> persons = Integer.parseInt(required(args[i], value));
                default -> throw new IllegalArgumentException(
                    "unknown argument " + args[i] + "; usage: [--port N] [--seed N] [--persons N]");
            }
            i++;
        }
        Population population = PopulationGenerator.generate(seed, persons);
        CivilRegistryServer server = start("127.0.0.1", port, population);
        System.out.println("Civil registry: " + population.size() + " persons at " + server.address()
            + "?wsdl (e.g. " + population.sampleIds(1).get(0) + ")");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "civil-registry-shutdown"));
        stopped.await();
    }

    private static String required(String flag, String value) {
        if (value == null) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return value;
    }
}
