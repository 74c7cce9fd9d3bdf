// RAII owners for what an addon takes from the kernel: a file descriptor (Fd) and a memory
// mapping (Mapping). Every fd and mapping has exactly one owner, which gives it back when it
// goes out of scope, whatever path leads there (a throw in a constructor included), and counts
// itself in live_counts while it holds something.
#pragma once

#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <utility>

#include "planar/live-objects.h"

namespace planar {

// An owned file descriptor; -1 when empty.
class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) { Reset(fd); }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  Fd(Fd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  Fd& operator=(Fd&& other) noexcept {
    if (this != &other) {
      Reset();
      fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
  }
  ~Fd() { Reset(); }
  int get() const { return fd_; }
  bool valid() const { return fd_ >= 0; }
  // Gives the fd up without closing it: the caller owns it now.
  int Release() {
    if (fd_ >= 0) live_counts.fds--;
    return std::exchange(fd_, -1);
  }
  // Closes the fd held (if any) and takes `fd` (which may be -1: nothing).
  void Reset(int fd = -1) {
    if (fd_ >= 0) {
      ::close(fd_);
      live_counts.fds--;
    }
    fd_ = fd;
    if (fd_ >= 0) live_counts.fds++;
  }

 private:
  int fd_ = -1;
};

// An owned mmap()ed range. Made from mmap()'s result directly: MAP_FAILED becomes an empty
// owner (data() is null) and errno is left as mmap set it, for the caller's error.
class Mapping {
 public:
  Mapping() = default;
  Mapping(void* data, size_t size) {
    if (data && data != MAP_FAILED) {
      data_ = data;
      size_ = size;
      live_counts.mappings++;
    }
  }
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;
  Mapping(Mapping&& other) noexcept
      : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}
  Mapping& operator=(Mapping&& other) noexcept {
    if (this != &other) {
      Reset();
      data_ = std::exchange(other.data_, nullptr);
      size_ = std::exchange(other.size_, 0);
    }
    return *this;
  }
  ~Mapping() { Reset(); }
  uint8_t* data() const { return static_cast<uint8_t*>(data_); }
  size_t size() const { return size_; }
  explicit operator bool() const { return data_ != nullptr; }
  void Reset() {
    if (data_) {
      munmap(data_, size_);
      live_counts.mappings--;
    }
    data_ = nullptr;
    size_ = 0;
  }

 private:
  void* data_ = nullptr;
  size_t size_ = 0;
};

}  // namespace planar
