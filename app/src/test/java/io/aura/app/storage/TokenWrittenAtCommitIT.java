package io.aura.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.IntegrationTest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A processor batch takes the single SQLite connection only to write its token as it commits:
 * while it builds its views, commands and other processors can use the connection.
 */
class TokenWrittenAtCommitIT extends IntegrationTest {
    @Autowired
    TokenStore tokenStore;

    @Autowired
    TransactionManager transactions;

    @Test
    void while_a_batch_runs_the_connection_is_free_and_its_token_moves_only_when_it_commits() throws Exception {
        String processor = unique("batch");
        claimedByThisNode(processor);

        Transaction batch = transactions.startTransaction();
        tokenStore.storeToken(new GlobalSequenceTrackingToken(41), processor, 0);
        // another thread (a command, another processor) gets the connection meanwhile, and sees no new token
        Boolean tokenWritten = CompletableFuture.supplyAsync(() -> storedTokenOf(processor) != null)
                .get(5, TimeUnit.SECONDS);
        assertThat(tokenWritten).as("the token is written only as the batch commits").isFalse();

        batch.commit();
        assertThat(storedTokenOf(processor)).as("written at commit").isNotNull();
        assertThat(transactions.fetchInTransaction(() -> tokenStore.fetchToken(processor, 0)))
                .isEqualTo(new GlobalSequenceTrackingToken(41));
    }

    @Test
    void a_batch_that_rolls_back_leaves_its_token_where_it_was() {
        String processor = unique("rollback");
        claimedByThisNode(processor);

        Transaction batch = transactions.startTransaction();
        tokenStore.storeToken(new GlobalSequenceTrackingToken(7), processor, 0);
        batch.rollback();

        assertThat(storedTokenOf(processor)).isNull();
    }

    /** A processor's one segment, claimed as a processor would before its first batch. */
    private void claimedByThisNode(String processor) {
        transactions.executeInTransaction(() -> {
            tokenStore.initializeTokenSegments(processor, 1);
            tokenStore.fetchToken(processor, 0);
        });
    }

    private byte[] storedTokenOf(String processor) {
        return jdbc.queryForObject("SELECT token FROM TokenEntry WHERE processorName = ?", byte[].class, processor);
    }
}
