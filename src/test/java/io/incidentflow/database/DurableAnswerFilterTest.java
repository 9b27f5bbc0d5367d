package io.incidentflow.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class DurableAnswerFilterTest {

    /** What happened, in order: the commits written ("flush") and what the handler sent ("answer ..."). */
    private final List<String> steps = new ArrayList<>();
    private final DurableAnswerFilter filter = new DurableAnswerFilter(new Durability(null) {
        @Override
        public void flush() {
            steps.add("flush");
        }
    });
    private final MockHttpServletResponse response = new MockHttpServletResponse() {
        @Override
        public void setCommitted(boolean committed) {
            if (committed && !isCommitted()) {
                steps.add("answer committed");
            }
            super.setCommitted(committed);
        }
    };

    @Test
    void theCommitsAreWrittenBeforeTheFirstByteOfTheAnswer() throws Exception {
        FilterChain handler = (request, answer) -> {
            steps.add("handled");
            answer.getOutputStream().write("{\"id\":\"INC-1\"}".getBytes());
            answer.flushBuffer();
            steps.add("answer written");
        };

        filter.doFilter(new MockHttpServletRequest("POST", "/api/incidents"), response, handler);

        assertThat(steps).containsExactly("handled", "flush", "answer committed", "answer written");
        assertThat(response.getContentAsString()).isEqualTo("{\"id\":\"INC-1\"}");
    }

    @Test
    void anAnswerWrittenAsTextWaitsForTheCommitsToo() throws Exception {
        FilterChain handler = (request, answer) -> {
            answer.getWriter().write("accepted");
            steps.add("answer written");
        };

        filter.doFilter(new MockHttpServletRequest("PUT", "/engine-rest/task/1/complete"), response, handler);

        assertThat(steps).containsExactly("flush", "answer written");
        assertThat(response.getContentAsString()).isEqualTo("accepted");
    }

    @Test
    void anAnswerWithoutBodyOrAnErrorWaitsForTheCommits() throws Exception {
        filter.doFilter(new MockHttpServletRequest("DELETE", "/api/integrations/1"), response,
                (request, answer) -> steps.add("handled"));
        filter.doFilter(new MockHttpServletRequest("POST", "/api/incidents"), response,
                (request, answer) -> ((jakarta.servlet.http.HttpServletResponse) answer).sendError(409));

        assertThat(steps).containsExactly("handled", "flush", "flush", "answer committed");
    }

    @Test
    void whatACommittedRequestThrowsIsAnsweredAfterTheCommitsToo() {
        FilterChain failing = (request, answer) -> {
            steps.add("handled");
            throw new IllegalStateException("failed after its commit");
        };

        assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("POST", "/api/incidents"), response,
                failing)).hasMessage("failed after its commit");
        assertThat(steps).containsExactly("handled", "flush");
    }

    @Test
    void readsAreAnsweredWithoutWaiting() throws Exception {
        for (String method : List.of("GET", "HEAD", "OPTIONS")) {
            filter.doFilter(new MockHttpServletRequest(method, "/api/incidents"), new MockHttpServletResponse(),
                    (request, answer) -> steps.add(method));
        }

        assertThat(steps).containsExactly("GET", "HEAD", "OPTIONS");
    }
}
