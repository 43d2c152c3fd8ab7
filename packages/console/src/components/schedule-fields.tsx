import type { components } from "@hangar/sdk";

type Schedule = NonNullable<components["schemas"]["Schedule"]>;
type Day = Schedule["windows"][number]["days"][number];

export const days: Day[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

export type ScheduleForm = {
  enabled: boolean;
  timezone: string;
  days: Day[];
  start: string;
  end: string;
  leadMinutes: string;
};

/** One window, as the console edits it; schedules made through the API with more keep their first. */
export function scheduleForm(schedule: components["schemas"]["Schedule"]): ScheduleForm {
  const window = schedule?.windows[0];
  return {
    enabled: Boolean(schedule),
    timezone: schedule?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    days: window?.days ?? ["mon", "tue", "wed", "thu", "fri"],
    start: window?.start ?? "08:00",
    end: window?.end ?? "19:00",
    leadMinutes: String(schedule?.startLeadMinutes ?? 10),
  };
}

export function toSchedule(form: ScheduleForm): components["schemas"]["Schedule"] {
  if (!form.enabled) return null;
  return {
    timezone: form.timezone,
    windows: [{ days: form.days, start: form.start, end: form.end }],
    startLeadMinutes: Number(form.leadMinutes || 10),
  };
}

/** The schedule's controls; `id` keeps their labels unique when two forms share a page. */
export function ScheduleFields({
  id,
  legend = "Schedule",
  value,
  onChange,
}: {
  id: string;
  legend?: string;
  value: ScheduleForm;
  onChange: (value: ScheduleForm) => void;
}) {
  const set = (patch: Partial<ScheduleForm>) => onChange({ ...value, ...patch });
  return (
    <fieldset>
      <legend>{legend}</legend>
      <label className="check">
        <input type="checkbox" checked={value.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
        Run only in a weekly window (started before it, stopped after it)
      </label>
      {value.enabled && (
        <div className="grid">
          <div className="field">
            <label htmlFor={`${id}-tz`}>Time zone</label>
            <input
              id={`${id}-tz`}
              value={value.timezone}
              onChange={(e) => set({ timezone: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-start`}>From</label>
            <input
              id={`${id}-start`}
              type="time"
              value={value.start}
              onChange={(e) => set({ start: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-end`}>To</label>
            <input
              id={`${id}-end`}
              type="time"
              value={value.end}
              onChange={(e) => set({ end: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-lead`}>Start early (minutes)</label>
            <input
              id={`${id}-lead`}
              type="number"
              min={0}
              max={120}
              value={value.leadMinutes}
              onChange={(e) => set({ leadMinutes: e.target.value })}
            />
          </div>
          <fieldset className="days">
            <legend>Days</legend>
            {days.map((day) => (
              <label key={day} className="check">
                <input
                  type="checkbox"
                  checked={value.days.includes(day)}
                  onChange={(e) =>
                    set({
                      days: e.target.checked
                        ? days.filter((d) => d === day || value.days.includes(d))
                        : value.days.filter((d) => d !== day),
                    })
                  }
                />
                {day}
              </label>
            ))}
          </fieldset>
        </div>
      )}
    </fieldset>
  );
}
