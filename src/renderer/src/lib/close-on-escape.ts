/**
 * An attachment for a panel that Esc closes like its Cancel or Not now
 * button: the key goes no further (an outer panel or window stays), and
 * while `busy()` nothing happens — work under way is not left halfway.
 */
export const closeOnEscape =
  (close: () => void, busy: () => boolean = () => false) =>
  (element: HTMLElement): (() => void) => {
    const onkeydown = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || busy()) return;
      event.preventDefault();
      event.stopPropagation();
      close();
    };
    element.addEventListener('keydown', onkeydown);
    return () => element.removeEventListener('keydown', onkeydown);
  };
