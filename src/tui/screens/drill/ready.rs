//! Holding a drill's clocks still: a drill that follows another in a queue waits for a key before
//! its clock starts ("Ready? space to start"), so saving one answer never starts the next one's
//! 45 minutes; and every clock stops while help is open.

use super::DrillState;
use std::time::Instant;

impl DrillState {
    /// Waiting for the user to start the clock.
    pub fn is_waiting(&self) -> bool {
        self.waiting
    }

    /// Stop every running clock (the answer's, the paced session's, a follow-up's).
    fn freeze(&mut self, now: Instant) {
        self.clock.pause(now);
        if let Some(p) = &mut self.paced
            && !p.pace.is_paused()
        {
            p.pace.toggle(now);
        }
        if let Some((_, c)) = &mut self.follow_up {
            c.pause(now);
        }
    }

    /// Start again every clock [`freeze`](Self::freeze) stopped.
    fn thaw(&mut self, now: Instant) {
        self.clock.resume(now);
        if let Some(p) = &mut self.paced
            && p.pace.is_paused()
        {
            p.pace.toggle(now);
        }
        if let Some((_, c)) = &mut self.follow_up {
            c.resume(now);
        }
    }

    /// Begin waiting: the clocks are stopped at zero until [`start_clock`](Self::start_clock).
    pub(super) fn wait(&mut self, now: Instant) {
        self.freeze(now);
        self.waiting = true;
    }

    /// The user is ready: the clocks run from here.
    pub fn start_clock(&mut self, now: Instant) {
        self.waiting = false;
        self.thaw(now);
    }

    /// Enter would end a long session (20 minutes or more) in its first tenth: the first press
    /// asks, the second ends it. True when this press should only ask.
    pub fn ask_before_ending(&mut self, ctx: &mut crate::tui::app::Ctx) -> bool {
        let clock = self
            .paced
            .as_ref()
            .map_or(&self.clock, |p| p.pace.session());
        let limit = clock.limit().as_secs();
        let spoken = clock.elapsed(ctx.now).as_secs();
        if limit < 20 * 60 || spoken >= limit / 10 || std::mem::take(&mut self.confirm_end) {
            return false;
        }
        self.confirm_end = true;
        ctx.info(format!(
            "Only {} of {} spoken: press Enter again to end and grade now",
            prep_core::practice::format_clock(spoken as i64),
            prep_core::practice::format_clock(limit as i64)
        ));
        true
    }

    /// Help opened (`on`) or closed: running clocks stop while it is open, then go on.
    pub fn hold(&mut self, now: Instant, on: bool) {
        let running = !self.waiting && !self.clock.is_paused();
        if on && running {
            self.freeze(now);
            self.held = true;
        } else if !on && std::mem::take(&mut self.held) {
            self.thaw(now);
        }
    }
}

/// The "Ready?" box over the drill, the prompt still readable above it.
pub fn draw(
    f: &mut ratatui::Frame,
    area: ratatui::layout::Rect,
    s: &DrillState,
    ctx: &crate::tui::app::Ctx,
) {
    use ratatui::layout::{Alignment, Rect};
    use ratatui::widgets::{Block, Clear, Paragraph};
    let t = ctx.theme;
    let limit = prep_core::practice::format_clock(s.clock.limit().as_secs() as i64);
    let lines = vec![
        ratatui::text::Line::styled(
            format!("Question {} of {}", s.pos + 1, s.queue.len()),
            t.title(),
        ),
        ratatui::text::Line::raw(format!("Ready? space starts the {limit} clock")),
        ratatui::text::Line::styled(
            if s.in_mock {
                "q or Esc twice stops the mock"
            } else {
                "q or Esc leaves the drill"
            },
            t.dim(),
        ),
    ];
    let width = 44.min(area.width);
    let height = 5.min(area.height);
    let popup = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + area.height.saturating_sub(height) * 2 / 3,
        width,
        height,
    };
    f.render_widget(Clear, popup);
    f.render_widget(
        Paragraph::new(lines)
            .alignment(Alignment::Center)
            .block(Block::bordered().border_style(t.key())),
        popup,
    );
}
