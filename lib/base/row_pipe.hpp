// Rows handed in batches to a function on a second thread: work that only
// reads them (the hash of a round's canonical reviews.csv) done while this
// thread goes on reading the store. Two batches: one filled here, one read there.
#pragma once
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace competition {

template <class Row>
class RowPipe {
 public:
  // `consume` is called on the second thread with every row, in the order filled.
  explicit RowPipe(std::function<void(const Row&)> consume, std::size_t batch = 4096)
      : consume_(std::move(consume)), filling_(batch), reading_(batch) {
    thread_ = std::jthread([this] { loop(); });
  }
  RowPipe(const RowPipe&) = delete;
  RowPipe& operator=(const RowPipe&) = delete;
  // Without finish() (an exception on the way): the rows not consumed are dropped.
  ~RowPipe() {
    {
      std::lock_guard lock(m_);
      done_ = true;
    }
    cv_.notify_all();
  }

  // The next row to fill: a reused one, so that its strings keep their capacity.
  Row& next() {
    if (filled_ == filling_.size()) hand_over();
    return filling_[filled_++];
  }

  // Consumes the rows left and waits for the second thread; raises what `consume` raised.
  void finish() {
    if (filled_ > 0) hand_over();
    {
      std::lock_guard lock(m_);
      done_ = true;
    }
    cv_.notify_all();
    thread_.join();
    if (failed_) std::rethrow_exception(failed_);
  }

 private:
  void hand_over() {
    std::unique_lock lock(m_);
    cv_.wait(lock, [this] { return !full_; });  // the other batch is read
    std::swap(filling_, reading_);
    to_read_ = filled_;
    filled_ = 0;
    full_ = true;
    lock.unlock();
    cv_.notify_all();
  }

  void loop() {
    for (;;) {
      std::unique_lock lock(m_);
      cv_.wait(lock, [this] { return full_ || done_; });
      if (!full_) return;  // done, and nothing left
      lock.unlock();
      if (!failed_) {
        try {
          for (std::size_t i = 0; i < to_read_; ++i) consume_(reading_[i]);
        } catch (...) {
          failed_ = std::current_exception();
        }
      }
      lock.lock();
      full_ = false;
      lock.unlock();
      cv_.notify_all();
    }
  }

  std::function<void(const Row&)> consume_;
  std::vector<Row> filling_, reading_;
  std::size_t filled_ = 0, to_read_ = 0;
  std::mutex m_;
  std::condition_variable cv_;
  bool full_ = false;  // `reading_` holds rows for the second thread
  bool done_ = false;
  std::exception_ptr failed_;
  std::jthread thread_;  // last: started once the rest is built, joined first
};

}  // namespace competition
