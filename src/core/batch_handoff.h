// Hands batches from one producing thread to one consuming thread, in order, with one batch
// waiting at most: the producer fills a batch while the consumer works through the one
// before, so two stages of a pipeline run on two cores with memory flat in the number of
// batches. Batches are swapped, never copied: each side gets back the batch the other side
// last let go of, with its buffers, to clear and refill.
#pragma once

#include <condition_variable>
#include <mutex>
#include <utility>

namespace fazhi {

template <typename Batch>
class BatchHandoff {
 public:
  // Producer: waits while a batch is waiting, then leaves `batch` for the consumer and puts
  // in its place the batch the consumer last gave back (or a default one). Returns false,
  // leaving `batch` as it was, once the consumer has abandoned the handoff.
  bool put(Batch& batch) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !waiting_ || abandoned_; });
    if (abandoned_) return false;
    std::swap(slot_, batch);
    waiting_ = true;
    lock.unlock();
    changed_.notify_all();
    return true;
  }

  // Producer: no more batches will come.
  void close() {
    {
      std::lock_guard lock(mutex_);
      closed_ = true;
    }
    changed_.notify_all();
  }

  // Consumer: waits for the next batch and swaps it into `batch`, giving back the one it
  // held. Returns false once the producer has closed and every batch has been taken.
  bool take(Batch& batch) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return waiting_ || closed_; });
    if (!waiting_) return false;
    std::swap(slot_, batch);
    waiting_ = false;
    lock.unlock();
    changed_.notify_all();
    return true;
  }

  // Consumer: takes nothing more; a producer waiting in put() returns false.
  void abandon() {
    {
      std::lock_guard lock(mutex_);
      abandoned_ = true;
    }
    changed_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  Batch slot_{};
  bool waiting_ = false;
  bool closed_ = false;
  bool abandoned_ = false;
};

}  // namespace fazhi
