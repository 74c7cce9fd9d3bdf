/**
 * The home's own words in English, German and Arabic: its rooms, its devices, its batteries,
 * the events it logs, the weather and the doorbell popup. messages.ts merges them into the panel's
 * catalogues. A toggle event names its room and device by id; event-text.ts looks them up.
 */
import type { MessageCatalog } from '@planar/toolkit';

const enDevices = {
  'kitchen-light': 'Ceiling light', 'living-lamp': 'Floor lamp', 'bedroom-light': 'Bedside lamp', 'porch-light': 'Porch light',
  'coffee-maker': 'Coffee maker', 'office-plug': 'Desk plug', 'ceiling-fan': 'Ceiling fan', 'living-blinds': 'Blinds', 'bedroom-blinds': 'Blinds',
};
const deDevices = {
  'kitchen-light': 'Deckenleuchte', 'living-lamp': 'Stehlampe', 'bedroom-light': 'Nachttischlampe', 'porch-light': 'Außenlicht',
  'coffee-maker': 'Kaffeemaschine', 'office-plug': 'Schreibtischsteckdose', 'ceiling-fan': 'Deckenventilator', 'living-blinds': 'Jalousie', 'bedroom-blinds': 'Jalousie',
};
const arDevices = {
  'kitchen-light': 'ضوء السقف', 'living-lamp': 'مصباح أرضي', 'bedroom-light': 'مصباح السرير', 'porch-light': 'ضوء المدخل',
  'coffee-maker': 'آلة القهوة', 'office-plug': 'قابس المكتب', 'ceiling-fan': 'مروحة السقف', 'living-blinds': 'الستائر', 'bedroom-blinds': 'الستائر',
};

export const homeEn: MessageCatalog = {
  rooms: { kitchen: 'Kitchen', living: 'Living room', bedroom: 'Bedroom', entrance: 'Entrance', office: 'Office' },
  devices: enDevices,
  // Inside a sentence English writes a device's name in lower case: "Kitchen ceiling light turned on".
  devicesInline: Object.fromEntries(Object.entries(enDevices).map(([id, name]) => [id, name.toLowerCase()])),
  batteries: { 'window-sensor': 'Window sensor', 'hallway-sensor': 'Hallway sensor', 'front-lock': 'Front door lock', 'smoke-alarm': 'Smoke alarm' },
  weather: { partlyCloudy: 'Partly cloudy' },
  doorbell: { title: 'Front door', dismiss: 'Dismiss', message: 'Someone is at the door · {time}' },
  event: {
    toggled: '{room} {device} {state, select, on {turned on} off {turned off} open {opened} other {closed}}',
    motion: 'Motion in the hallway', frontLocked: 'Front door locked', frontUnlocked: 'Front door unlocked',
    washerDone: 'Washing machine finished', backOpened: 'Back door opened', porchOn: 'Porch light turned on',
    scheduleStarted: 'Heating schedule started', lightsOn: 'Living room lights on', lightsOff: 'Living room lights off',
    heatingOn: 'Heating on', heatingOff: 'Heating off', windowOpen: 'Window open in the bedroom', doorbell: 'Doorbell rang',
    garageClosed: 'Garage door closed', smokeTest: 'Smoke detector test passed', lowBattery: 'Low battery: back door sensor',
  },
};

export const homeDe: MessageCatalog = {
  rooms: { kitchen: 'Küche', living: 'Wohnzimmer', bedroom: 'Schlafzimmer', entrance: 'Eingang', office: 'Büro' },
  devices: deDevices,
  devicesInline: deDevices,
  batteries: { 'window-sensor': 'Fenstersensor', 'hallway-sensor': 'Flursensor', 'front-lock': 'Haustürschloss', 'smoke-alarm': 'Rauchmelder' },
  weather: { partlyCloudy: 'Teilweise bewölkt' },
  doorbell: { title: 'Haustür', dismiss: 'Schließen', message: 'Jemand ist an der Tür · {time}' },
  event: {
    toggled: '{room}: {device} {state, select, on {eingeschaltet} off {ausgeschaltet} open {geöffnet} other {geschlossen}}',
    motion: 'Bewegung im Flur', frontLocked: 'Haustür abgeschlossen', frontUnlocked: 'Haustür aufgeschlossen',
    washerDone: 'Waschmaschine fertig', backOpened: 'Hintertür geöffnet', porchOn: 'Außenlicht eingeschaltet',
    scheduleStarted: 'Heizplan gestartet', lightsOn: 'Licht im Wohnzimmer an', lightsOff: 'Licht im Wohnzimmer aus',
    heatingOn: 'Heizung an', heatingOff: 'Heizung aus', windowOpen: 'Fenster im Schlafzimmer offen', doorbell: 'Es hat geklingelt',
    garageClosed: 'Garagentor geschlossen', smokeTest: 'Rauchmeldertest bestanden', lowBattery: 'Batterie schwach: Sensor Hintertür',
  },
};

export const homeAr: MessageCatalog = {
  rooms: { kitchen: 'المطبخ', living: 'غرفة المعيشة', bedroom: 'غرفة النوم', entrance: 'المدخل', office: 'المكتب' },
  devices: arDevices,
  devicesInline: arDevices,
  batteries: { 'window-sensor': 'حساس النافذة', 'hallway-sensor': 'حساس الممر', 'front-lock': 'قفل الباب الأمامي', 'smoke-alarm': 'كاشف الدخان' },
  weather: { partlyCloudy: 'غائم جزئيًا' },
  doorbell: { title: 'الباب الأمامي', dismiss: 'إغلاق', message: 'شخص ما عند الباب · {time}' },
  event: {
    toggled: '{device} في {room}: {state, select, on {تم التشغيل} off {تم الإطفاء} open {فُتحت} other {أُغلقت}}',
    motion: 'حركة في الممر', frontLocked: 'قُفل الباب الأمامي', frontUnlocked: 'فُتح قفل الباب الأمامي',
    washerDone: 'انتهت الغسالة', backOpened: 'فُتح الباب الخلفي', porchOn: 'أُضيء ضوء المدخل',
    scheduleStarted: 'بدأ جدول التدفئة', lightsOn: 'أُضيئت أضواء غرفة المعيشة', lightsOff: 'أُطفئت أضواء غرفة المعيشة',
    heatingOn: 'التدفئة تعمل', heatingOff: 'التدفئة متوقفة', windowOpen: 'نافذة غرفة النوم مفتوحة', doorbell: 'رنّ جرس الباب',
    garageClosed: 'أُغلق باب المرآب', smokeTest: 'نجح اختبار كاشف الدخان', lowBattery: 'بطارية ضعيفة: حساس الباب الخلفي',
  },
};
