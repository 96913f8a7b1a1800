// Bridges FullCalendar (vendored prebuilt bundle, ADR 0009) and the AuraCalendar Java component.
window.auraCalendar = {
  init(el, eventsJson, view) {
    if (el._cal) { el._cal.destroy(); }
    const narrow = window.matchMedia('(max-width: 700px)').matches;
    el._cal = new FullCalendar.Calendar(el, {
      initialView: narrow ? 'timeGridDay' : view,
      headerToolbar: { left: 'prev,next today', center: 'title', right: 'timeGridDay,timeGridWeek,dayGridMonth' },
      firstDay: 1,
      nowIndicator: true,
      allDaySlot: false,
      scrollTime: '08:00:00',
      height: '100%',
      selectable: true,
      selectMirror: true,
      events: JSON.parse(eventsJson),
      datesSet: info => {
        // the toolbar buttons carry their names as titles; their chevron icons are decoration
        el.querySelectorAll('.fc-icon').forEach(icon => icon.setAttribute('aria-hidden', 'true'));
        el.$server.visibleRange(info.start.toISOString(), info.end.toISOString());
      },
      select: info => { el.$server.selected(info.start.toISOString(), info.end.toISOString()); el._cal.unselect(); },
      eventClick: info => el.$server.entryClicked(info.event.id),
    });
    el._cal.render();
  },
  // moves to the day/week holding the instant; datesSet then asks the server for that range
  show(el, isoInstant) {
    if (el._cal) { el._cal.gotoDate(isoInstant); }
  },
  setEvents(el, eventsJson) {
    if (!el._cal) { return; }
    el._cal.batchRendering(() => {
      el._cal.removeAllEvents();
      el._cal.addEventSource(JSON.parse(eventsJson));
    });
  }
};
