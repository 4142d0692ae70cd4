package id.rekam.app.adapters;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MemorySettleTest {

    @Test
    void onlyAConcurrentExplicitCollectionIsAskedFor() {
        assertThat(MemorySettle.explicitGcIsConcurrent(List.of("-Xmx512m"))).isFalse();
        assertThat(MemorySettle.explicitGcIsConcurrent(List.of("-Xmx512m", "-XX:+ExplicitGCInvokesConcurrent"))).isTrue();
        assertThat(MemorySettle.explicitGcIsConcurrent(
                List.of("-XX:+ExplicitGCInvokesConcurrent", "-XX:-ExplicitGCInvokesConcurrent")))
                .as("a site's JAVA_OPTS after the launcher's turn it off").isFalse();
    }
}
