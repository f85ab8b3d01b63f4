import { signal } from '@preact/signals';

interface Toast {
  id: number;
  text: string;
}

const toasts = signal<readonly Toast[]>([]);
let nextId = 1;

/** How long a toast stays; it can be dismissed sooner, and the live region has announced it already. */
const TOAST_MS = 6000;

const dismiss = (id: number) => {
  toasts.value = toasts.value.filter((toast) => toast.id !== id);
};

/** Shows a short confirmation in the corner ("Duplicated …"); for errors that need action use the page. */
export function toast(text: string): void {
  const id = nextId++;
  toasts.value = [...toasts.value, { id, text }];
  setTimeout(() => dismiss(id), TOAST_MS);
}

/** The toast region, rendered once by the shell. */
export function Toasts() {
  return (
    <div class="toasts" role="status" aria-live="polite" aria-label="Notifications">
      {toasts.value.map((item) => (
        <div class="toast" key={item.id}>
          <span>{item.text}</span>
          <button type="button" class="small" onClick={() => dismiss(item.id)}>
            Dismiss<span class="visually-hidden"> notification</span>
          </button>
        </div>
      ))}
    </div>
  );
}
