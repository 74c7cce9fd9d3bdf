// libinput + xkbcommon input for the KMS backend (see input.cc for the mechanism and
// ../src/input-native.ts for the events JS receives).
#pragma once

#include <libinput.h>
#include <libudev.h>
#include <napi.h>
#include <uv.h>

#include <array>
#include <cstdarg>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "keyboard.h"

namespace planar {

class Input : public Napi::ObjectWrap<Input> {
 public:
  static Napi::Function Define(Napi::Env env);
  explicit Input(const Napi::CallbackInfo& info);
  ~Input() override;

 private:
  struct UdevUnref { void operator()(udev* u) const { udev_unref(u); } };
  struct LibinputUnref { void operator()(libinput* li) const { libinput_unref(li); } };
  struct DeviceUnref { void operator()(libinput_device* d) const { libinput_device_unref(d); } };
  struct EventDestroy { void operator()(libinput_event* e) const { libinput_event_destroy(e); } };
  using DevicePtr = std::unique_ptr<libinput_device, DeviceUnref>;
  using EventPtr = std::unique_ptr<libinput_event, EventDestroy>;

  // Keeps the context alive while libinput work (and the JS it calls) is under way: a close()
  // from an event handler is carried out once the outermost piece of work has finished.
  class Busy {
   public:
    explicit Busy(Input* input);
    ~Busy();
    Busy(const Busy&) = delete;
    Busy& operator=(const Busy&) = delete;

   private:
    Input* input_;
  };

  Napi::Value SetOutputSize(const Napi::CallbackInfo& info);
  Napi::Value SetCalibration(const Napi::CallbackInfo& info);
  Napi::Value Suspend(const Napi::CallbackInfo& info);
  Napi::Value Resume(const Napi::CallbackInfo& info);
  Napi::Value Close(const Napi::CallbackInfo& info);

  // The seat manager devices are opened through, when the display has one (else open(2)).
  class Seat* seat_ = nullptr;
  Napi::ObjectReference seat_ref_;

  static const struct libinput_interface kInterface;
  static int OpenRestricted(const char* path, int flags, void* data);
  static void CloseRestricted(int fd, void* data);
  static void Log(libinput* li, enum libinput_log_priority priority, const char* format, va_list args);
  static void OnPoll(uv_poll_t* handle, int status, int events);

  void OpenUdev(Napi::Env env, const std::string& seat);
  void OpenPaths(Napi::Env env, const std::vector<std::string>& paths);
  void StartPolling(Napi::Env env);
  // libinput_dispatch, then every queued event to JS, then the warnings libinput logged.
  void Dispatch();
  void Handle(libinput_event* event);
  void Pointer(libinput_event* event);
  void Touch(libinput_event* event);
  void Key(libinput_event* event);
  void DeviceChanged(libinput_device* device, bool added);
  void Configure(libinput_device* device);
  void Emit(const char* type, const std::function<void(Napi::Object&)>& fill);
  void Teardown();

  // Declared before the context: libinput's last log lines and close calls come while it is
  // being unref'd.
  std::vector<std::string> warnings_;
  std::map<std::string, int> open_errors_;  // path → errno of its last failed open

  Napi::FunctionReference emit_;
  std::unique_ptr<Napi::AsyncContext> async_;
  std::unique_ptr<udev, UdevUnref> udev_;
  std::unique_ptr<libinput, LibinputUnref> libinput_;
  std::vector<DevicePtr> devices_;
  std::unique_ptr<Keyboard> keyboard_;
  uv_poll_t* poll_ = nullptr;

  uint32_t width_ = 0, height_ = 0;
  std::optional<std::array<float, 6>> calibration_;
  bool flat_acceleration_ = false;
  uint32_t leds_ = 0;
  int busy_ = 0;
  bool close_requested_ = false;
};

}  // namespace planar
