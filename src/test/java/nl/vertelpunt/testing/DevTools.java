package nl.vertelpunt.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;

/**
 * Switches the network off for the page <em>and its service worker</em> through the DevTools protocol: the
 * page's own network emulation (chromedriver's) does not reach a service worker's fetches, so without this
 * a worker would quietly keep using the network. A protocol connection to the whole browser attaches every
 * worker as it appears (auto-attach, paused until its network is set).
 */
public final class DevTools implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TYPES = Set.of("service_worker", "shared_worker", "worker");

    private final WebSocket socket;
    private final ChromeDriver driver;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Map<String, String> sessions = new ConcurrentHashMap<>();
    private volatile boolean offline;

    private DevTools(WebSocket socket, ChromeDriver driver) {
        this.socket = socket;
        this.driver = driver;
    }

    /** Connects to the browser of a driver (through its debugger address) and attaches to every page and worker. */
    public static DevTools of(ChromeDriver driver) {
        @SuppressWarnings("unchecked")
        Map<String, Object> options =
                (Map<String, Object>) driver.getCapabilities().getCapability("goog:chromeOptions");
        String address = (String) options.get("debuggerAddress");
        HttpClient http = HttpClient.newHttpClient();
        try {
            String version = http.send(
                            HttpRequest.newBuilder(URI.create("http://" + address + "/json/version"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            String url = JSON.readTree(version).get("webSocketDebuggerUrl").asText();
            Listener listener = new Listener();
            WebSocket socket = http.newWebSocketBuilder()
                    .buildAsync(URI.create(url), listener)
                    .get(10, TimeUnit.SECONDS);
            DevTools tools = new DevTools(socket, driver);
            listener.tools = tools;
            tools.call(
                            null,
                            "Target.setAutoAttach",
                            Map.of("autoAttach", true, "waitForDebuggerOnStart", true, "flatten", true))
                    .get(10, TimeUnit.SECONDS);
            return tools;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("no DevTools connection to the browser", e);
        }
    }

    /** Switches the network off (or on again) for every page and service worker, now and for those to come. */
    public void offline(boolean off) {
        offline = off;
        // the page through chromedriver, which keeps its conditions over reloads and navigations
        if (off) {
            ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
            conditions.setOffline(true);
            driver.setNetworkConditions(conditions);
        } else {
            driver.deleteNetworkConditions();
        }
        // every worker (the browser attaches them by itself, now and when they start later)
        sessions.keySet().forEach(session -> emulate(session).join());
    }

    /**
     * Waits until a worker of the given type (such as "service_worker") is attached: the browser reports its
     * targets a moment after the connection is made.
     */
    public void awaitAttached(String type, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!sessions.containsValue(type)) {
            if (System.nanoTime() > end) {
                throw new AssertionError(
                        "no " + type + " attached within " + timeout + "; attached: " + sessions.values());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private CompletableFuture<JsonNode> emulate(String session) {
        return call(session, "Network.enable", Map.of())
                .thenCompose(ignored -> call(
                        session,
                        "Network.emulateNetworkConditions",
                        Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1)));
    }

    private CompletableFuture<JsonNode> call(String session, String method, Map<String, Object> params) {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode();
        message.put("id", id);
        message.put("method", method);
        message.set("params", JSON.valueToTree(params));
        if (session != null) {
            message.put("sessionId", session);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        synchronized (socket) {
            socket.sendText(message.toString(), true).join();
        }
        return answer.orTimeout(10, TimeUnit.SECONDS);
    }

    private void received(JsonNode message) {
        if (message.has("id")) {
            CompletableFuture<JsonNode> answer =
                    pending.remove(message.get("id").asInt());
            if (answer != null) {
                answer.complete(message);
            }
            return;
        }
        String method = message.path("method").asText();
        if (method.equals("Target.attachedToTarget")) {
            String session = message.at("/params/sessionId").asText();
            String type = message.at("/params/targetInfo/type").asText();
            boolean waiting = message.at("/params/waitingForDebugger").asBoolean();
            CompletableFuture<JsonNode> ready =
                    TYPES.contains(type) ? emulate(session) : CompletableFuture.completedFuture(null);
            if (TYPES.contains(type)) {
                sessions.put(session, type);
            }
            // on another thread: the answers arrive on this one
            ready.whenCompleteAsync((r, e) -> {
                if (waiting) {
                    call(session, "Runtime.runIfWaitingForDebugger", Map.of());
                }
            });
        } else if (method.equals("Target.detachedFromTarget")) {
            sessions.remove(message.at("/params/sessionId").asText());
        }
    }

    /** Switches the network on again if a test left it off (so a failing test does not take the next one down), and disconnects. */
    @Override
    public void close() {
        if (offline) {
            offline = false;
            driver.deleteNetworkConditions();
        }
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done")
                .orTimeout(5, TimeUnit.SECONDS)
                .exceptionally(e -> null)
                .join();
    }

    private static final class Listener implements WebSocket.Listener {
        /** One thread, so that events are handled in the order the browser sent them (attach before detach). */
        private static final ExecutorService EVENTS = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "devtools-events");
            thread.setDaemon(true);
            return thread;
        });

        private final StringBuilder text = new StringBuilder();
        private volatile DevTools tools;

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                try {
                    JsonNode node = JSON.readTree(message);
                    DevTools t = tools;
                    if (t != null) {
                        EVENTS.execute(() -> t.received(node));
                    }
                } catch (IOException e) {
                    // not a protocol message
                }
            }
            socket.request(1);
            return null;
        }
    }
}
