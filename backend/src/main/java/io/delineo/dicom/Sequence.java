package io.delineo.dicom;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/** The items of an SQ attribute; each item is a {@link Dataset} whose parent is the data set holding the sequence. */
public final class Sequence implements Iterable<Dataset> {
    private final Dataset owner;
    private final List<Dataset> items = new ArrayList<>();

    Sequence(Dataset owner) {
        this.owner = owner;
    }

    /** Appends a new empty item and returns it for filling. */
    public Dataset addItem() {
        Dataset item = new Dataset(owner);
        items.add(item);
        return item;
    }

    /** Appends an item: its attributes are copied into a new item of this sequence. */
    public Dataset addItem(Dataset content) {
        Dataset item = addItem();
        item.putAll(content);
        return item;
    }

    public Dataset get(int index) {
        return items.get(index);
    }

    public int size() {
        return items.size();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public List<Dataset> items() {
        return Collections.unmodifiableList(items);
    }

    public Dataset owner() {
        return owner;
    }

    @Override
    public Iterator<Dataset> iterator() {
        return items().iterator();
    }
}
