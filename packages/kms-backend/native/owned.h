// RAII owners for what the addon takes from the kernel (file descriptors, mappings) and errors
// with errno text. Every fd, mapping and DRM object the addon creates has exactly one owner,
// which gives it back when it goes out of scope, whatever path leads there.
#pragma once

#include <napi.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <sys/mman.h>
#include <unistd.h>
#include <utility>

namespace planar {

// An owned file descriptor.
class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  Fd(Fd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  Fd& operator=(Fd&& other) noexcept {
    if (this != &other) Reset(std::exchange(other.fd_, -1));
    return *this;
  }
  ~Fd() { Reset(); }
  int get() const { return fd_; }
  bool valid() const { return fd_ >= 0; }
  // Gives the fd up without closing it.
  int Release() { return std::exchange(fd_, -1); }
  void Reset(int fd = -1) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = fd;
  }

 private:
  int fd_ = -1;
};

// An owned mmap()ed range.
class Mapped {
 public:
  Mapped() = default;
  Mapped(void* data, size_t size) : data_(data == MAP_FAILED ? nullptr : data), size_(size) {}
  Mapped(const Mapped&) = delete;
  Mapped& operator=(const Mapped&) = delete;
  Mapped(Mapped&& other) noexcept
      : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}
  Mapped& operator=(Mapped&& other) noexcept {
    if (this != &other) {
      Reset();
      data_ = std::exchange(other.data_, nullptr);
      size_ = std::exchange(other.size_, 0);
    }
    return *this;
  }
  ~Mapped() { Reset(); }
  uint8_t* data() const { return static_cast<uint8_t*>(data_); }
  size_t size() const { return size_; }
  void Reset() {
    if (data_) munmap(data_, size_);
    data_ = nullptr;
    size_ = 0;
  }

 private:
  void* data_ = nullptr;
  size_t size_ = 0;
};

// "what: No such file or directory" with `errno` and `code` set, so JS can tell causes apart.
inline Napi::Error ErrnoError(Napi::Env env, const std::string& what, int err = errno) {
  auto error = Napi::Error::New(env, what + ": " + std::strerror(err));
  error.Set("errno", Napi::Number::New(env, err));
  return error;
}

}  // namespace planar
