// Bridges FullCalendar (vendored prebuilt bundle, ADR 0009) and the AuraCalendar Java component.
window.auraCalendar = {
  // the hour a day or week opens at, unless a booking starts earlier (then that booking's hour)
  openingHour: 7,
  init(el, eventsJson, view, optionsJson) {
    if (el._cal) { el._cal.destroy(); }
    const options = JSON.parse(optionsJson || '{}');
    const narrow = window.matchMedia('(max-width: 700px)').matches;
    // a phone's toolbar: the arrows, a short title and "today" fit one row without colliding
    const toolbar = options.toolbar === false ? false : narrow
      ? { left: 'prev,next', center: 'title', right: 'today' }
      : { left: 'prev,next today', center: 'title', right: 'timeGridDay,timeGridWeek,dayGridMonth' };
    el._cal = new FullCalendar.Calendar(el, {
      initialView: narrow ? 'timeGridDay' : view,
      locale: options.locale || 'en-GB',
      firstDay: options.firstDay === undefined ? 1 : options.firstDay,
      headerToolbar: toolbar,
      titleFormat: narrow ? { weekday: 'short', day: 'numeric', month: 'short' } : undefined,
      // the whole day is there (a 06:00 booking too); it opens scrolled to the working morning
      nowIndicator: true,
      allDaySlot: false,
      scrollTime: String(this.openingHour).padStart(2, '0') + ':00:00',
      height: '100%',
      expandRows: false,
      selectable: true,
      selectMirror: true,
      events: JSON.parse(eventsJson),
      datesSet: info => {
        // the toolbar buttons carry their names as titles; their chevron icons are decoration
        el.querySelectorAll('.fc-icon').forEach(icon => icon.setAttribute('aria-hidden', 'true'));
        // the hours scroll: one day cell of the grid takes focus (one Tab stop), so keyboard users can scroll an
        // empty week too (axe: scrollable-region-focusable); a gridcell, because FullCalendar's grid rows may
        // hold nothing else focusable (axe: aria-required-children)
        requestAnimationFrame(() => el.querySelectorAll('.fc-scroller').forEach(scroller => {
          const cell = scroller.querySelector('[role="gridcell"]');
          if (cell && scroller.scrollHeight > scroller.clientHeight) { cell.setAttribute('tabindex', '0'); }
        }));
        el._scrolledTo = null; // a new range opens at its first booking or the working morning
        el.$server.visibleRange(info.start.toISOString(), info.end.toISOString(), info.view.title);
      },
      select: info => { el.$server.selected(info.start.toISOString(), info.end.toISOString()); el._cal.unselect(); },
      eventClick: info => el.$server.entryClicked(info.event.id),
    });
    el._cal.render();
    // FullCalendar measures itself on window resizes only: when the page around it settles (the drawer,
    // the toolbar wrapping, a column added beside it) it would keep a width wider than its box
    if (el._resized) { el._resized.disconnect(); }
    el._resized = new ResizeObserver(() => { if (el._cal) { el._cal.updateSize(); } });
    el._resized.observe(el);
  },
  // moves to the day/week holding the instant; datesSet then asks the server for that range
  show(el, isoInstant) {
    if (el._cal) { el._cal.gotoDate(isoInstant); }
  },
  // navigation from a toolbar shared by calendars side by side
  go(el, where) {
    if (!el._cal) { return; }
    if (where === 'prev') { el._cal.prev(); } else if (where === 'next') { el._cal.next(); } else { el._cal.today(); }
  },
  setEvents(el, eventsJson) {
    if (!el._cal) { return; }
    el._cal.batchRendering(() => {
      el._cal.removeAllEvents();
      el._cal.addEventSource(JSON.parse(eventsJson));
    });
    this.scrollToFirst(el);
  },
  // once per range: an early booking (06:00) is scrolled into sight rather than left above the fold
  scrollToFirst(el) {
    const view = el._cal.view;
    const key = view.type + view.activeStart.toISOString();
    if (!view.type.startsWith('timeGrid') || el._scrolledTo === key) { return; }
    el._scrolledTo = key;
    let hour = this.openingHour;
    el._cal.getEvents().forEach(event => {
      if (event.display !== 'background' && event.start >= view.activeStart && event.start < view.activeEnd) {
        hour = Math.min(hour, event.start.getHours());
      }
    });
    el._cal.scrollToTime(String(hour).padStart(2, '0') + ':00:00');
  }
};
