package pl.okienko.processors.correspondence;

/**
 * What an e-mail's reply clock ({@link EmailClock}, E1) and a register entry's deadline ({@link ComplaintDeadline},
 * C1) have in common: the item comes in (received, registered), stays open until answered, and is forgotten a while
 * after ({@link CorrespondenceConfig#forgettable}). Events may come before the one that brings it in.
 *
 * @param <S> the item's stored state, which the item reads and changes
 */
interface CorrespondenceItem<S> {

    /** The stored state this item is over. */
    S state();

    /** Whether the event that brings the item in has come. */
    boolean known();

    /** Known and not yet answered (or closed). */
    boolean open();

    /** When the item came in; only when {@link #known}. */
    long cameInAt();
}
