import { useTranslation } from "react-i18next";
import { useState } from "react";
import type { ItemViewData } from "../../api/queries.ts";
import { FractionEntry, FractionGlyph, type FractionMode } from "../../components/math-preview/fraction-entry.tsx";
import { MathPreview } from "../../components/math-preview/math-preview.tsx";

export type Response = string | string[] | Record<string, string>;

type Props = { item: ItemViewData; disabled: boolean; onChange: (response: Response | null) => void };

/** The right input for each item type, every one labelled and usable with the keyboard alone. */
export function AnswerInput({ item, disabled, onChange }: Props) {
  switch (item.type) {
    case "single-choice":
      return <SingleChoice item={item} disabled={disabled} onChange={onChange} />;
    case "multiple-select":
      return <MultipleSelect item={item} disabled={disabled} onChange={onChange} />;
    case "ordering":
      return <Ordering item={item} disabled={disabled} onChange={onChange} />;
    case "fill-in":
      return <FillIn item={item} disabled={disabled} onChange={onChange} />;
    default:
      return <TypedAnswer item={item} disabled={disabled} onChange={onChange} />;
  }
}

function SingleChoice({ item, disabled, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <fieldset className="choices" disabled={disabled}>
      <legend className="visually-hidden">{t("item.chooseOne")}</legend>
      {item.choices?.map((c) => (
        <label key={c.id} className="choice">
          <input type="radio" name={`answer-${item.id}`} value={c.id} aria-label={c.label} onChange={() => onChange(c.id)} />
          <span dangerouslySetInnerHTML={{ __html: c.html }} />
        </label>
      ))}
    </fieldset>
  );
}

function MultipleSelect({ item, disabled, onChange }: Props) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string[]>([]);
  const toggle = (id: string) => {
    const next = chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id];
    setChosen(next);
    onChange(next.length ? next : null);
  };
  return (
    <fieldset className="choices" disabled={disabled}>
      <legend>{t("item.chooseAll")}</legend>
      {item.choices?.map((c) => (
        <label key={c.id} className="choice">
          <input type="checkbox" aria-label={c.label} checked={chosen.includes(c.id)} onChange={() => toggle(c.id)} />
          <span dangerouslySetInnerHTML={{ __html: c.html }} />
        </label>
      ))}
    </fieldset>
  );
}

function Ordering({ item, disabled, onChange }: Props) {
  const { t } = useTranslation();
  const [order, setOrder] = useState(() => item.choices ?? []);
  const move = (index: number, by: number) => {
    const next = [...order];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved!);
    setOrder(next);
    onChange(next.map((c) => c.id));
  };
  return (
    <div>
      <p id={`order-help-${item.id}`} className="muted small">{t("item.orderHelp")}</p>
      <ol className="ordering" aria-describedby={`order-help-${item.id}`}>
        {order.map((c, i) => (
          <li key={c.id}>
            <span dangerouslySetInnerHTML={{ __html: c.html }} />
            <span className="ordering-buttons">
              <button type="button" className="button-quiet" disabled={disabled || i === 0} onClick={() => move(i, -1)} aria-label={t("item.moveUp", { label: c.label })}>{t("item.up")}</button>
              <button type="button" className="button-quiet" disabled={disabled || i === order.length - 1} onClick={() => move(i, 1)} aria-label={t("item.moveDown", { label: c.label })}>{t("item.down")}</button>
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}

function FillIn({ item, disabled, onChange }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<string, string>>({});
  return (
    <div className="blanks">
      {item.blanks?.map((b, i) => (
        <div className="field" key={b.id}>
          <label htmlFor={`blank-${item.id}-${b.id}`}>{t("item.blank", { n: i + 1 })}</label>
          <input
            id={`blank-${item.id}-${b.id}`}
            autoComplete="off"
            disabled={disabled}
            value={values[b.id] ?? ""}
            onChange={(e) => {
              const next = { ...values, [b.id]: e.target.value };
              setValues(next);
              onChange(Object.values(next).some((v) => v.trim()) ? next : null);
            }}
          />
        </div>
      ))}
    </div>
  );
}

/** Maths answers (numeric and expression items) get a live preview and fraction helpers; other text is plain. */
const MATH_TYPES = new Set(["numeric", "expression"]);

function TypedAnswer({ item, disabled, onChange }: Props) {
  const { t } = useTranslation();
  const [value, setValue] = useState("");
  const [entry, setEntry] = useState<FractionMode | null>(null);
  const id = `answer-${item.id}`;
  const maths = MATH_TYPES.has(item.type);
  const update = (text: string) => {
    setValue(text);
    onChange(text.trim() ? text : null);
  };
  return (
    <div className="field typed-answer">
      <label htmlFor={id}>{t("item.yourAnswer")}{item.units?.length ? t("item.inUnit", { unit: item.units[0] }) : ""}</label>
      <input
        id={id}
        className="answer-input"
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        inputMode={item.type === "numeric" ? "text" : undefined}
        disabled={disabled}
        value={value}
        aria-describedby={`${id}-help`}
        onChange={(e) => update(e.target.value)}
      />
      {maths && (
        <>
          <div className="math-tools" role="group" aria-label={t("answer.tools")}>
            {(["fraction", "mixed"] as const).map((mode) => (
              <button key={mode} type="button" className="math-tool" aria-pressed={entry === mode} disabled={disabled} onClick={() => setEntry(entry === mode ? null : mode)}>
                <FractionGlyph mixed={mode === "mixed"} />
                {t(`answer.${mode}`)}
              </button>
            ))}
          </div>
          {entry && !disabled && <FractionEntry key={entry} mode={entry} value={value} onChange={update} />}
          <MathPreview text={value} />
        </>
      )}
      <p id={`${id}-help`} className="muted small">{t(`item.help.${item.type}`, { defaultValue: "" })}</p>
    </div>
  );
}
