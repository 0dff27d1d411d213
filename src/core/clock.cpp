#include "core/clock.h"

#include <fmt/format.h>

#include <atomic>
#include <ctime>

namespace fazhi {
namespace {

class SystemClock final : public Clock {
 public:
  std::chrono::system_clock::time_point now() const override { return std::chrono::system_clock::now(); }
};

const SystemClock kSystemClock;
std::atomic<const Clock*> g_clock{&kSystemClock};

}  // namespace

const Clock& clock() {
  return *g_clock.load(std::memory_order_relaxed);
}
void set_clock_for_testing(const Clock* c) {
  g_clock.store(c ? c : &kSystemClock);
}

std::string utc_timestamp(std::chrono::system_clock::time_point t) {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
  std::time_t secs = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                     tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms % 1000));
}

std::string utc_timestamp() {
  return utc_timestamp(clock().now());
}

std::string china_today() {
  auto t = clock().now() + std::chrono::hours(8);
  std::time_t secs = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  return fmt::format("{:04}-{:02}-{:02}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

std::int64_t unix_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(clock().now().time_since_epoch()).count();
}

}  // namespace fazhi
