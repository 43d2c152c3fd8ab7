import { type ReactNode, useId, useRef } from "react";

/**
 * A button that asks first, in a modal <dialog>: the browser traps the focus in it, Escape
 * cancels, and the focus returns to the button afterwards.
 */
export function ConfirmButton(props: {
  label: string;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  danger?: boolean;
  small?: boolean;
  disabled?: boolean;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  return (
    <>
      <button
        type="button"
        className={`${props.danger ? "danger" : "secondary"}${props.small ? " small" : ""}`}
        disabled={props.disabled}
        onClick={() => dialog.current?.showModal()}
      >
        {props.label}
      </button>
      <dialog ref={dialog} aria-labelledby={titleId}>
        <form method="dialog">
          <h2 id={titleId}>{props.title}</h2>
          <div>{props.children}</div>
          <div className="actions end">
            <button type="submit" value="cancel" className="secondary">
              Cancel
            </button>
            <button
              type="submit"
              value="confirm"
              className={props.danger ? "danger" : undefined}
              onClick={() => props.onConfirm()}
            >
              {props.confirmLabel}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
