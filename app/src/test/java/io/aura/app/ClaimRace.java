package io.aura.app;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/** Two senders of one outbox claiming at the same moment, each until nothing is due: what each claimed, in one list. */
public final class ClaimRace {
    private ClaimRace() {}

    public static List<String> twoSendersClaimEverything(Supplier<Optional<String>> claimNext) throws Exception {
        List<String> claimed = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService senders = Executors.newFixedThreadPool(2)) {
            List<Future<?>> running = new ArrayList<>();
            for (int sender = 0; sender < 2; sender++) {
                running.add(senders.submit(() -> {
                    start.await();
                    for (Optional<String> id = claimNext.get(); id.isPresent(); id = claimNext.get()) {
                        claimed.add(id.get());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> sender : running) {
                sender.get();
            }
        }
        return claimed;
    }
}
