// Style rules the player adds to every replayed page, through rrweb's `insertStyleRules`.
//
// Scrolls jump: rrweb replays a scroll it applies at once (a seek) with the browser's `auto`
// behaviour, which a page's `scroll-behavior: smooth` turns into an animation over several
// frames, so a moment opened by a seek would show the page still scrolling towards where it was.
// While playing, rrweb asks for smooth scrolls itself, which this rule does not change.
export const REPLAYED_PAGE_STYLES = ['*, *::before, *::after { scroll-behavior: auto !important; }'];
