package ps.takamul.routes.soap;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Refuses SOAP requests over the size limit before CXF parses them: by Content-Length when the
 * client sends one, and by counting bytes as they are read when it streams chunks.
 */
final class BodyLimitInterceptor extends AbstractPhaseInterceptor<Message> {
    private final long limit;

    BodyLimitInterceptor(long limit) {
        super(Phase.RECEIVE);
        this.limit = limit;
    }

    @Override
    public void handleMessage(Message message) {
        @SuppressWarnings("unchecked")
        Map<String, List<String>> headers = (Map<String, List<String>>) message.get(Message.PROTOCOL_HEADERS);
        if (headers != null) {
            for (Map.Entry<String, List<String>> h : headers.entrySet()) {
                if ("Content-Length".equalsIgnoreCase(h.getKey()) && !h.getValue().isEmpty()
                        && parse(h.getValue().get(0)) > limit) {
                    throw new Fault(new BodyTooLargeException(limit));
                }
            }
        }
        InputStream in = message.getContent(InputStream.class);
        if (in != null) {
            message.setContent(InputStream.class, new Limited(in, limit));
        }
    }

    private static long parse(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static final class Limited extends FilterInputStream {
        private final long limit;
        private long count;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            count += n;
            if (count > limit) {
                throw new BodyTooLargeException(limit);
            }
        }
    }
}
