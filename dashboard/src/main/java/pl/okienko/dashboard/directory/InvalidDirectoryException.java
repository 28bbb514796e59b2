package pl.okienko.dashboard.directory;

import java.util.List;

/** A directory entry or policy breaks the contract; {@link #problems()} says how, one sentence each. */
public class InvalidDirectoryException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public InvalidDirectoryException(String what, List<String> problems) {
        super(what + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
