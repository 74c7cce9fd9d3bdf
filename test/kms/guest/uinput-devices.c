/*
 * uinput-devices: kernel input devices for Planar's KMS end-to-end tests, run as root inside
 * the test VM (udevd running, `modprobe uinput` done). libinput then sees them as it would see
 * real hardware, through evdev and the udev database.
 *
 *   uinput-devices [--touch WIDTHxHEIGHT] [--keyboard] [--mouse]
 *
 *   --touch     a direct multi-touch touchscreen (protocol B: ABS_MT_SLOT, ABS_MT_TRACKING_ID,
 *               ABS_MT_POSITION_X/Y over 0..WIDTH-1 and 0..HEIGHT-1, ABS_X/Y, BTN_TOUCH,
 *               INPUT_PROP_DIRECT); make WIDTHxHEIGHT the output's mode and a touch at X,Y
 *               lands on output pixel X,Y
 *   --keyboard  a keyboard with the keys of a PC keyboard (KEY_ESC..KEY_MICMUTE)
 *   --mouse     a relative mouse (REL_X/Y, wheels, BTN_LEFT/RIGHT/MIDDLE)
 *
 * Once every device exists, and udev has processed it when udevd runs, it prints
 * "ready NODE..." with the /dev/input/event* node of each device in the order touch,
 * keyboard, mouse. Then it reads one command a line from stdin and answers "ok" when the
 * events are written, or "error: <why>" for a command it cannot run:
 *
 *   tap X Y                 a touch down at X,Y and up 30 ms later (in a free slot)
 *   touch-down SLOT X Y     a contact in SLOT (0..9) begins at X,Y
 *   touch-move SLOT X Y     the contact in SLOT moves to X,Y
 *   touch-up SLOT           the contact in SLOT ends
 *   key CODE                evdev key CODE (linux/input-event-codes.h) pressed and released
 *   key-down CODE | key-up CODE
 *   move DX DY              relative mouse motion
 *   click                   left button pressed and released
 *   wheel STEPS             wheel notches (positive: towards the user, content scrolls down)
 *   sleep MS
 *   quit                    destroys the devices, answers "ok" and exits
 *
 * At the end of stdin it destroys the devices too and exits 0. A system call that fails
 * prints what failed, with errno's text, on stderr and exits 1; bad arguments exit 2.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/uinput.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <time.h>
#include <unistd.h>

#define SLOTS 10
#define WAIT_MS 5000

struct device {
	int fd;
	char node[sizeof "/dev/input/" + 256]; /* 256: a d_name */
};

static struct {
	struct device touch, keyboard, mouse;
	int width, height;
	int tracking[SLOTS]; /* tracking id of each slot's contact, -1 when free */
	int next_tracking_id;
} app = {
	.touch = {.fd = -1}, .keyboard = {.fd = -1}, .mouse = {.fd = -1},
};

static void fail(const char *format, ...)
{
	int err = errno;
	va_list args;
	va_start(args, format);
	fputs("uinput-devices: ", stderr);
	vfprintf(stderr, format, args);
	va_end(args);
	fprintf(stderr, ": %s\n", strerror(err));
	exit(1);
}

static void sleep_ms(long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

static void ioctl_or_fail(int fd, unsigned long request, unsigned long arg, const char *what)
{
	if (ioctl(fd, request, arg) < 0)
		fail("ioctl %s", what);
}

static void emit(const struct device *dev, int type, int code, int value)
{
	struct input_event ev = {.type = type, .code = code, .value = value};
	if (write(dev->fd, &ev, sizeof ev) != (ssize_t)sizeof ev)
		fail("writing an event to %s", dev->node);
}

static void sync_frame(const struct device *dev) { emit(dev, EV_SYN, SYN_REPORT, 0); }

static void abs_axis(int fd, int code, int max)
{
	struct uinput_abs_setup setup = {.code = code, .absinfo = {.minimum = 0, .maximum = max}};
	if (ioctl(fd, UI_ABS_SETUP, &setup) < 0)
		fail("UI_ABS_SETUP %d", code);
}

/* Opens /dev/uinput for one device; its capabilities are set before create_device(). */
static int open_uinput(void)
{
	int fd = open("/dev/uinput", O_WRONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		fail("cannot open /dev/uinput (run as root after `modprobe uinput`)");
	return fd;
}

/* Finds the eventN child of /sys/devices/virtual/input/<sysname>; 0 when it is not there yet. */
static int find_event_node(const char *sysname, char *node, size_t size)
{
	char dir_path[128];
	snprintf(dir_path, sizeof dir_path, "/sys/devices/virtual/input/%s", sysname);
	DIR *dir = opendir(dir_path);
	if (!dir)
		return 0;
	struct dirent *entry;
	int found = 0;
	while (!found && (entry = readdir(dir)))
		if (!strncmp(entry->d_name, "event", 5)) {
			snprintf(node, size, "/dev/input/%s", entry->d_name);
			found = 1;
		}
	closedir(dir);
	return found;
}

/* Whether udev has a database record of the node: what libinput waits for. No udevd: yes. */
static int udev_processed(const char *node)
{
	struct stat st;
	char record[64];
	if (access("/run/udev/control", F_OK) < 0)
		return 1;
	if (stat(node, &st) < 0)
		return 0;
	snprintf(record, sizeof record, "/run/udev/data/c%u:%u", major(st.st_rdev), minor(st.st_rdev));
	return access(record, F_OK) == 0;
}

static void create_device(struct device *dev, int fd, const char *name, int bustype)
{
	struct uinput_setup setup = {.id = {.bustype = bustype, .vendor = 0x1209, .product = 0x0001, .version = 1}};
	char sysname[64] = "";
	snprintf(setup.name, sizeof setup.name, "%s", name);
	if (ioctl(fd, UI_DEV_SETUP, &setup) < 0)
		fail("UI_DEV_SETUP for %s", name);
	if (ioctl(fd, UI_DEV_CREATE) < 0)
		fail("UI_DEV_CREATE for %s", name);
	dev->fd = fd;
	if (ioctl(fd, UI_GET_SYSNAME(sizeof sysname), sysname) < 0)
		fail("UI_GET_SYSNAME for %s", name);

	/* The event node comes from the evdev module (which udevd loads) and devtmpfs. */
	int waited = 0;
	while (!find_event_node(sysname, dev->node, sizeof dev->node) || access(dev->node, F_OK) < 0 || !udev_processed(dev->node)) {
		if (waited >= WAIT_MS) {
			errno = ETIMEDOUT;
			fail("%s (%s) got no processed /dev/input/event* node within %d ms (is evdev loaded: `modprobe evdev`? does udevd run?)",
			     name, sysname, WAIT_MS);
		}
		sleep_ms(2);
		waited += 2;
	}
}

static void create_touch(int width, int height)
{
	int fd = open_uinput();
	ioctl_or_fail(fd, UI_SET_EVBIT, EV_KEY, "UI_SET_EVBIT EV_KEY");
	ioctl_or_fail(fd, UI_SET_KEYBIT, BTN_TOUCH, "UI_SET_KEYBIT BTN_TOUCH");
	ioctl_or_fail(fd, UI_SET_EVBIT, EV_ABS, "UI_SET_EVBIT EV_ABS");
	ioctl_or_fail(fd, UI_SET_PROPBIT, INPUT_PROP_DIRECT, "UI_SET_PROPBIT INPUT_PROP_DIRECT");
	int axes[][2] = {
		{ABS_X, width - 1}, {ABS_Y, height - 1}, {ABS_MT_SLOT, SLOTS - 1}, {ABS_MT_TRACKING_ID, 65535},
		{ABS_MT_POSITION_X, width - 1}, {ABS_MT_POSITION_Y, height - 1},
	};
	for (size_t i = 0; i < sizeof axes / sizeof axes[0]; i++) {
		ioctl_or_fail(fd, UI_SET_ABSBIT, axes[i][0], "UI_SET_ABSBIT");
		abs_axis(fd, axes[i][0], axes[i][1]);
	}
	create_device(&app.touch, fd, "Planar test touchscreen", BUS_VIRTUAL);
	for (int i = 0; i < SLOTS; i++)
		app.tracking[i] = -1;
}

static void create_keyboard(void)
{
	int fd = open_uinput();
	ioctl_or_fail(fd, UI_SET_EVBIT, EV_KEY, "UI_SET_EVBIT EV_KEY");
	for (int code = KEY_ESC; code <= KEY_MICMUTE; code++)
		ioctl_or_fail(fd, UI_SET_KEYBIT, code, "UI_SET_KEYBIT");
	create_device(&app.keyboard, fd, "Planar test keyboard", BUS_VIRTUAL);
}

static void create_mouse(void)
{
	int fd = open_uinput();
	ioctl_or_fail(fd, UI_SET_EVBIT, EV_KEY, "UI_SET_EVBIT EV_KEY");
	ioctl_or_fail(fd, UI_SET_EVBIT, EV_REL, "UI_SET_EVBIT EV_REL");
	int buttons[] = {BTN_LEFT, BTN_RIGHT, BTN_MIDDLE};
	int axes[] = {REL_X, REL_Y, REL_WHEEL, REL_HWHEEL};
	for (size_t i = 0; i < sizeof buttons / sizeof buttons[0]; i++)
		ioctl_or_fail(fd, UI_SET_KEYBIT, buttons[i], "UI_SET_KEYBIT");
	for (size_t i = 0; i < sizeof axes / sizeof axes[0]; i++)
		ioctl_or_fail(fd, UI_SET_RELBIT, axes[i], "UI_SET_RELBIT");
	create_device(&app.mouse, fd, "Planar test mouse", BUS_VIRTUAL);
}

static void destroy(struct device *dev)
{
	if (dev->fd < 0)
		return;
	ioctl(dev->fd, UI_DEV_DESTROY);
	close(dev->fd);
	dev->fd = -1;
}

static int active_contacts(void)
{
	int n = 0;
	for (int i = 0; i < SLOTS; i++)
		n += app.tracking[i] >= 0;
	return n;
}

static void contact(int slot, int x, int y, int begins)
{
	const struct device *t = &app.touch;
	emit(t, EV_ABS, ABS_MT_SLOT, slot);
	if (begins) {
		app.tracking[slot] = app.next_tracking_id;
		app.next_tracking_id = (app.next_tracking_id + 1) % 65536;
		emit(t, EV_ABS, ABS_MT_TRACKING_ID, app.tracking[slot]);
	}
	emit(t, EV_ABS, ABS_MT_POSITION_X, x);
	emit(t, EV_ABS, ABS_MT_POSITION_Y, y);
	if (begins && active_contacts() == 1)
		emit(t, EV_KEY, BTN_TOUCH, 1);
	/* Single-touch emulation follows the latest contact, as simple touch firmware does. */
	emit(t, EV_ABS, ABS_X, x);
	emit(t, EV_ABS, ABS_Y, y);
	sync_frame(t);
}

static void lift(int slot)
{
	const struct device *t = &app.touch;
	emit(t, EV_ABS, ABS_MT_SLOT, slot);
	emit(t, EV_ABS, ABS_MT_TRACKING_ID, -1);
	app.tracking[slot] = -1;
	if (!active_contacts())
		emit(t, EV_KEY, BTN_TOUCH, 0);
	sync_frame(t);
}

static void key(int code, int value)
{
	emit(&app.keyboard, EV_KEY, code, value);
	sync_frame(&app.keyboard);
}

/* Checks a touch command's arguments; returns why they are wrong, or NULL. */
static const char *touch_arguments(int slot, int x, int y, int wants_free)
{
	if (app.touch.fd < 0)
		return "no touchscreen (start with --touch WIDTHxHEIGHT)";
	if (slot < 0 || slot >= SLOTS)
		return "the slot is not 0..9";
	if (x < 0 || y < 0 || x >= app.width || y >= app.height)
		return "the point is outside the touchscreen";
	if (wants_free && app.tracking[slot] >= 0)
		return "the slot already has a contact";
	if (!wants_free && app.tracking[slot] < 0)
		return "the slot has no contact";
	return NULL;
}

/* Runs one command; returns NULL when done, or why it cannot be run. */
static const char *command(const char *line)
{
	int a, b, c;
	char extra;
	const char *why;
	if (sscanf(line, "tap %d %d %c", &a, &b, &extra) == 2) {
		int slot = 0;
		while (slot < SLOTS && app.touch.fd >= 0 && app.tracking[slot] >= 0)
			slot++;
		if ((why = touch_arguments(slot, a, b, 1)))
			return why;
		contact(slot, a, b, 1);
		sleep_ms(30);
		lift(slot);
	} else if (sscanf(line, "touch-down %d %d %d %c", &a, &b, &c, &extra) == 3) {
		if ((why = touch_arguments(a, b, c, 1)))
			return why;
		contact(a, b, c, 1);
	} else if (sscanf(line, "touch-move %d %d %d %c", &a, &b, &c, &extra) == 3) {
		if ((why = touch_arguments(a, b, c, 0)))
			return why;
		contact(a, b, c, 0);
	} else if (sscanf(line, "touch-up %d %c", &a, &extra) == 1) {
		if ((why = touch_arguments(a, 0, 0, 0)))
			return why;
		lift(a);
	} else if (!strncmp(line, "key", 3) && strchr(" -", line[3])) {
		if (app.keyboard.fd < 0)
			return "no keyboard (start with --keyboard)";
		int down = sscanf(line, "key-down %d %c", &a, &extra) == 1;
		int up = !down && sscanf(line, "key-up %d %c", &a, &extra) == 1;
		int both = !down && !up && sscanf(line, "key %d %c", &a, &extra) == 1;
		if (!down && !up && !both)
			return "expected key CODE, key-down CODE or key-up CODE";
		if (a < KEY_ESC || a > KEY_MICMUTE)
			return "the keyboard has keys 1..248 (evdev codes)";
		if (down || both)
			key(a, 1);
		if (up || both)
			key(a, 0);
	} else if (sscanf(line, "move %d %d %c", &a, &b, &extra) == 2) {
		if (app.mouse.fd < 0)
			return "no mouse (start with --mouse)";
		emit(&app.mouse, EV_REL, REL_X, a);
		emit(&app.mouse, EV_REL, REL_Y, b);
		sync_frame(&app.mouse);
	} else if (!strcmp(line, "click")) {
		if (app.mouse.fd < 0)
			return "no mouse (start with --mouse)";
		emit(&app.mouse, EV_KEY, BTN_LEFT, 1);
		sync_frame(&app.mouse);
		emit(&app.mouse, EV_KEY, BTN_LEFT, 0);
		sync_frame(&app.mouse);
	} else if (sscanf(line, "wheel %d %c", &a, &extra) == 1) {
		if (app.mouse.fd < 0)
			return "no mouse (start with --mouse)";
		/* REL_WHEEL counts notches away from the user; "wheel 1" scrolls the content down. */
		emit(&app.mouse, EV_REL, REL_WHEEL, -a);
		sync_frame(&app.mouse);
	} else if (sscanf(line, "sleep %d %c", &a, &extra) == 1 && a >= 0) {
		sleep_ms(a);
	} else {
		return "unknown command (tap, touch-down, touch-move, touch-up, key, key-down, key-up, move, click, wheel, sleep, quit)";
	}
	return NULL;
}

static void usage(void)
{
	fprintf(stderr, "usage: uinput-devices [--touch WIDTHxHEIGHT] [--keyboard] [--mouse]   (commands on stdin; see the top of uinput-devices.c)\n");
	exit(2);
}

int main(int argc, char **argv)
{
	int keyboard = 0, mouse = 0;
	char extra;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--touch") && i + 1 < argc) {
			if (sscanf(argv[++i], "%dx%d%c", &app.width, &app.height, &extra) != 2 || app.width < 2 || app.height < 2)
				usage();
		} else if (!strcmp(argv[i], "--keyboard")) {
			keyboard = 1;
		} else if (!strcmp(argv[i], "--mouse")) {
			mouse = 1;
		} else {
			usage();
		}
	}
	if (!app.width && !keyboard && !mouse)
		usage();

	if (app.width)
		create_touch(app.width, app.height);
	if (keyboard)
		create_keyboard();
	if (mouse)
		create_mouse();
	printf("ready");
	const struct device *devices[] = {&app.touch, &app.keyboard, &app.mouse};
	for (size_t i = 0; i < 3; i++)
		if (devices[i]->fd >= 0)
			printf(" %s", devices[i]->node);
	printf("\n");
	fflush(stdout);

	char *line = NULL;
	size_t capacity = 0;
	int quit = 0;
	ssize_t length;
	while ((length = getline(&line, &capacity, stdin)) >= 0) {
		while (length > 0 && (line[length - 1] == '\n' || line[length - 1] == '\r' || line[length - 1] == ' '))
			line[--length] = '\0';
		if (!length)
			continue;
		if (!strcmp(line, "quit")) {
			quit = 1;
			break;
		}
		const char *why = command(line);
		if (why)
			printf("error: %s: \"%s\"\n", why, line);
		else
			printf("ok\n");
		fflush(stdout);
	}
	free(line);

	destroy(&app.touch);
	destroy(&app.keyboard);
	destroy(&app.mouse);
	if (quit) {
		printf("ok\n");
		fflush(stdout);
	}
	return 0;
}
