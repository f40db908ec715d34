/**
 * A signature drawn on a <canvas> with pointer events (finger, stylus or mouse). `onChange` gets a
 * PNG data URL after each stroke, or null once cleared.
 */
import { useEffect, useRef } from 'react';
import { Button, Space, Typography } from 'antd';

export function SignaturePad({
  label,
  onChange,
  testId,
  height = 180,
}: {
  label: string;
  onChange: (png: string | null) => void;
  testId?: string;
  height?: number;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const last = useRef<{ x: number; y: number } | null>(null);
  const dirty = useRef(false);
  /** The CSS size the drawing buffer was made for (the canvas may be resized later, e.g. on rotation). */
  const size = useRef({ w: 1, h: height });

  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    const ratio = window.devicePixelRatio || 1;
    const w = c.clientWidth || 300;
    size.current = { w, h: height };
    c.width = Math.round(w * ratio);
    c.height = Math.round(height * ratio);
    const g = c.getContext('2d');
    if (g) {
      g.scale(ratio, ratio);
      g.fillStyle = '#fff';
      g.fillRect(0, 0, w, height);
      g.lineWidth = 2.5;
      g.lineCap = 'round';
      g.lineJoin = 'round';
      g.strokeStyle = '#111';
    }
  }, [height]);

  const pos = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - r.left) * size.current.w) / (r.width || 1), y: ((e.clientY - r.top) * size.current.h) / (r.height || 1) };
  };
  const down = (e: React.PointerEvent<HTMLCanvasElement>) => {
    e.preventDefault();
    e.currentTarget.setPointerCapture?.(e.pointerId);
    drawing.current = true;
    last.current = pos(e);
    const g = e.currentTarget.getContext('2d');
    if (g) {
      g.beginPath();
      g.arc(last.current.x, last.current.y, 1, 0, Math.PI * 2);
      g.fillStyle = '#111';
      g.fill();
    }
    dirty.current = true;
  };
  const move = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    e.preventDefault();
    const p = pos(e);
    const g = e.currentTarget.getContext('2d');
    if (g && last.current) {
      g.beginPath();
      g.moveTo(last.current.x, last.current.y);
      g.lineTo(p.x, p.y);
      g.stroke();
    }
    last.current = p;
  };
  const up = () => {
    if (!drawing.current) return;
    drawing.current = false;
    last.current = null;
    if (dirty.current && canvas.current) onChange(canvas.current.toDataURL('image/png'));
  };
  const clear = () => {
    const c = canvas.current;
    const g = c?.getContext('2d');
    if (c && g) {
      g.save();
      g.setTransform(1, 0, 0, 1, 0, 0);
      g.fillStyle = '#fff';
      g.fillRect(0, 0, c.width, c.height);
      g.restore();
    }
    dirty.current = false;
    onChange(null);
  };

  return (
    <div className="signature-pad" data-testid={testId}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 4 }}>
        <Typography.Text strong>{label}</Typography.Text>
        <Button size="large" onClick={clear}>
          清除
        </Button>
      </Space>
      <canvas
        ref={canvas}
        aria-label={`${label}签名区`}
        style={{
          width: '100%',
          height,
          border: '1px dashed #8c8c8c',
          borderRadius: 8,
          touchAction: 'none',
          background: '#fff',
          display: 'block',
          cursor: 'crosshair',
        }}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
        onPointerLeave={up}
      />
    </div>
  );
}
