interface ResultGoneProps {
  title: string;
  text: string;
}

/** The page of an edit that is not (or no longer) there, with the way to every other edit. */
export function ResultGone({ title, text }: ResultGoneProps) {
  return (
    <main className="result-page result-gone">
      <h1>{title}</h1>
      <p>{text}</p>
      <p><a href="popup.html">See all your edits</a></p>
    </main>
  );
}
