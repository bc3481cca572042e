/** The presenter's logical stage: slides are laid out at 1080p and scaled to the screen. */
export const STAGE_WIDTH = 1920
export const STAGE_HEIGHT = 1080
