package labkit.suites.fetcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A small HTTP/1.1 server on 127.0.0.1 (an ephemeral port) whose endpoints a check programs, one
 * thread per connection, so that every connection's accept and client-side close can be
 * observed (T5 of the mistake catalog). Bounded: at most {@link #MAX_CONNECTIONS} at once, and it
 * stops by itself after {@link #LIFETIME} even if a check is cut off before closing it.
 */
final class LoopbackServer implements AutoCloseable {

    static final int MAX_CONNECTIONS = 64;
    /** Longer than any check's bound (75 s at most): a server whose check was cut off still goes away. */
    static final Duration LIFETIME = Duration.ofSeconds(120);
    private static final int ACCEPT_POLL_MS = 100;
    private static final AtomicInteger SERVERS = new AtomicInteger();

    private final ServerSocket listener;
    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final long stopAt = System.nanoTime() + LIFETIME.toNanos();
    private final String name = "grader-http-" + SERVERS.incrementAndGet();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean stopping;

    private LoopbackServer() throws IOException {
        listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), MAX_CONNECTIONS);
        listener.setSoTimeout(ACCEPT_POLL_MS);
    }

    static LoopbackServer start() {
        try {
            LoopbackServer server = new LoopbackServer();
            Thread acceptor = new Thread(server::acceptLoop, server.name + "-accept");
            acceptor.setDaemon(true);
            acceptor.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("the grader could not open its loopback server", e);
        }
    }

    /** Serves {@code endpoint} at {@code /name}; returns its URI. */
    URI add(String name, Endpoint endpoint) {
        endpoints.put("/" + name, endpoint);
        return uri(name);
    }

    URI uri(String name) {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/" + name);
    }

    /** The connections that asked for {@code /name} so far. */
    List<Exchange> exchanges(String name) {
        return exchanges.stream().filter(e -> e.path().equals("/" + name)).collect(Collectors.toList());
    }

    /** Every connection that sent a request so far. */
    List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    boolean stopping() {
        return stopping || System.nanoTime() - stopAt > 0;
    }

    @Override
    public void close() {
        stopping = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // nothing more to do: the listener is gone either way
        }
        open.forEach(LoopbackServer::closeQuietly);
    }

    private void acceptLoop() {
        while (!stopping()) {
            try {
                Socket socket = listener.accept();
                if (open.size() >= MAX_CONNECTIONS) {
                    closeQuietly(socket);
                    continue;
                }
                open.add(socket);
                Thread handler = new Thread(() -> handle(socket), name + "-conn-" + connections.incrementAndGet());
                handler.setDaemon(true);
                handler.start();
            } catch (SocketTimeoutException poll) {
                // look at stopping() again
            } catch (IOException closed) {
                break;
            }
        }
        close();
    }

    private void handle(Socket socket) {
        Exchange exchange = new Exchange(socket, this);
        try {
            if (exchange.readRequest()) {
                exchanges.add(exchange);
                Endpoint endpoint = endpoints.get(exchange.path());
                if (endpoint == null) {
                    exchange.respond(404, "text/plain", new byte[0]);
                } else {
                    endpoint.serve(exchange);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client went away mid-answer: the exchange has recorded what it saw
        } finally {
            open.remove(socket);
            closeQuietly(socket);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
