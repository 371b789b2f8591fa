import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import ps.takamul.node.broker.EmbeddedBroker;
import ps.takamul.node.config.NodeSettings;

/**
 * The broker's own ceiling for request-reply on this machine: the node's embedded Artemis, the
 * same in-VM transport and message shape, plain JMS, no HTTP, no Camel. bench/run.sh prints the
 * queued exchange against it, so the queue's cost can be told apart from the bus's own.
 *
 * <pre>java -cp node/target/takamul-node.jar:CLASSES BrokerCeiling DATA_DIR CLIENTS SECONDS</pre>
 */
public final class BrokerCeiling {
    public static void main(String[] args) throws Exception {
        NodeSettings settings = NodeSettings.load(null, Map.of("takamul.data.dir", args[0], "takamul.node.id", "ceiling"));
        int clients = Integer.parseInt(args[1]);
        long seconds = Long.parseLong(args[2]);
        EmbeddedBroker broker = new EmbeddedBroker(settings);
        broker.start();
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(EmbeddedBroker.IN_VM_URL);
        factory.setCacheDestinations(true);
        Connection connection = factory.createConnection();
        connection.start();
        for (int i = 0; i < 4; i++) {
            respond(connection);
        }
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + (seconds + 3) * 1_000_000_000L;
        for (int i = 0; i < clients; i++) {
            Thread t = new Thread(() -> ask(connection, done, end));
            t.setDaemon(true);
            t.start();
        }
        Thread.sleep(3000); // warm-up, not measured
        long before = done.get();
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000);
        double rate = (done.get() - before) * 1e9 / (System.nanoTime() - start);
        System.out.printf("%.0f%n", rate);
        System.exit(0);
    }

    private static void respond(Connection connection) throws JMSException {
        Session session = connection.createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
        MessageProducer producer = session.createProducer(null);
        producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        session.createConsumer(session.createQueue("takamul.query.ceiling")).setMessageListener(request -> {
            try {
                BytesMessage reply = session.createBytesMessage();
                reply.writeBytes(new byte[200]);
                reply.setJMSCorrelationID(request.getJMSCorrelationID());
                reply.setIntProperty("takamulStatus", 200);
                producer.send(request.getJMSReplyTo(), reply);
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void ask(Connection connection, AtomicLong done, long end) {
        try {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue replies = session.createTemporaryQueue();
            MessageConsumer consumer = session.createConsumer(replies);
            MessageProducer producer = session.createProducer(session.createQueue("takamul.query.ceiling"));
            producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
            long n = 0;
            while (System.nanoTime() < end) {
                BytesMessage request = session.createBytesMessage();
                request.writeBytes(new byte[150]);
                for (String header : new String[] {"takamulMessageId", "takamulClient", "takamulService", "takamulMethod", "takamulPath"}) {
                    request.setStringProperty(header, "PS/GOV/BENCH/client");
                }
                request.setJMSReplyTo(replies);
                request.setJMSCorrelationID(Thread.currentThread().getName() + "-" + n++);
                producer.send(request);
                if (consumer.receive(5000) != null) {
                    done.incrementAndGet();
                }
            }
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
