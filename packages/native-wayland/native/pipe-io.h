// Bytes through pipes without blocking the JS thread: the selection's text out to a program
// pasting it (PipeWriter), and another program's selection in (PipeReader). Each watches its
// fd with a uv_poll on the JS thread's loop and goes away by itself when it is done; whoever
// starts them keeps a PipeTransfers, which ends those still running when it goes.
#pragma once

#include <uv.h>

#include <set>
#include <string>

#include "common.h"

namespace planar {

class PipeTransfer;

// The transfers under way for one owner. AbortAll() ends them from a JS call (a reader
// rejects); the destructor ends them without a word (it may run in a finalizer, where no
// promise may be settled).
class PipeTransfers {
 public:
  PipeTransfers() = default;
  PipeTransfers(const PipeTransfers&) = delete;
  PipeTransfers& operator=(const PipeTransfers&) = delete;
  ~PipeTransfers();
  void AbortAll();

 private:
  friend class PipeTransfer;
  std::set<PipeTransfer*> live_;
};

class PipeTransfer {
 public:
  virtual ~PipeTransfer();
  PipeTransfer(const PipeTransfer&) = delete;
  PipeTransfer& operator=(const PipeTransfer&) = delete;

 protected:
  // Takes `fd` (made non-blocking) and polls it for `events`.
  PipeTransfer(PipeTransfers& owner, Napi::Env env, Fd fd, int events);
  // The fd is ready (or polling failed: status < 0).
  virtual void Ready(int status) = 0;
  // The owner ends it before it is done, from a JS call (AbortAll).
  virtual void Abort() {}
  // Done: stops polling, closes the fd and deletes this.
  void Finish();

  Napi::Env env_;
  Fd fd_;

 private:
  friend class PipeTransfers;
  PipeTransfers& owner_;
  uv_poll_t* poll_ = nullptr;
};

// Writes `bytes` into `fd`, then closes it; a reader that goes away early ends it quietly.
class PipeWriter : public PipeTransfer {
 public:
  static void Start(PipeTransfers& owner, Napi::Env env, Fd fd, std::string bytes);

 private:
  PipeWriter(PipeTransfers& owner, Napi::Env env, Fd fd, std::string bytes);
  void Ready(int status) override;
  std::string bytes_;
  size_t written_ = 0;
};

// Reads `fd` to its end and resolves with the bytes as a Buffer; rejects when reading fails,
// when nothing ends it within `timeout_ms`, or when the owner goes away first (`what` names
// what was being read, for those errors).
class PipeReader : public PipeTransfer {
 public:
  static Napi::Promise Start(PipeTransfers& owner, Napi::Env env, Fd fd, uint32_t timeout_ms, std::string what);
  ~PipeReader() override;

 private:
  PipeReader(PipeTransfers& owner, Napi::Env env, Fd fd, uint32_t timeout_ms, std::string what);
  void Ready(int status) override;
  void Abort() override;
  // Deletes this unless aborting, then resolves with the bytes (error empty) or rejects.
  void Settle(const std::string& error);

  Napi::Promise::Deferred deferred_;
  Napi::AsyncContext async_;
  std::string what_;
  std::string bytes_;
  uv_timer_t* timer_ = nullptr;
  bool aborting_ = false;
};

}  // namespace planar
