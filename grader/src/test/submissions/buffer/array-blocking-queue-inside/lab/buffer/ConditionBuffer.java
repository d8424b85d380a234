package lab.buffer;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Sample with a known shortcut: a correct buffer that hands all the work to an
 * ArrayBlockingQueue.
 */
public class ConditionBuffer<E> implements BoundedBuffer<E> {

    private final ArrayBlockingQueue<E> queue;
    private final int capacity;

    public ConditionBuffer(int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.capacity = capacity;
    }

    @Override
    public void put(E item) throws InterruptedException {
        queue.put(item);
    }

    @Override
    public E take() throws InterruptedException {
        return queue.take();
    }

    @Override
    public boolean offer(E item, Duration timeout) throws InterruptedException {
        return queue.offer(item, TimeUnit.NANOSECONDS.convert(timeout), TimeUnit.NANOSECONDS);
    }

    @Override
    public E poll(Duration timeout) throws InterruptedException {
        return queue.poll(TimeUnit.NANOSECONDS.convert(timeout), TimeUnit.NANOSECONDS);
    }

    @Override
    public int size() {
        return queue.size();
    }

    @Override
    public int capacity() {
        return capacity;
    }
}
